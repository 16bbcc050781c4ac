using Microsoft.Extensions.Logging;

namespace ComplianceReport.SimulatedEnvironment;

/// <summary>How <see cref="SimulatedSilo"/> builds its silo, beyond pointing it at the simulator.</summary>
public sealed class SimulatedSiloOptions
{
    /// <summary>Configuration on top of the simulator's (output directory, rates, ports, …).</summary>
    public IDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// When true, environment variables (<c>Cluster__GatewayPort</c>, …) win over <see cref="Configuration"/>,
    /// as they would for the production silo; the bench keeps its own settings.
    /// </summary>
    public bool EnvironmentWins { get; init; }

    /// <summary>When true, the silo port, gateway port and HTTP port are free ones chosen now.</summary>
    public bool FreePorts { get; init; }

    /// <summary>The HTTP listener (health endpoints) unless <see cref="FreePorts"/>.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:0";

    /// <summary>The configuration key the user sets to change <see cref="Urls"/>, named when its port is taken.</summary>
    public string UrlsKey { get; init; } = "Demo:Urls";

    /// <summary>Logging providers and levels; by default warnings and above to the console on one line each.</summary>
    public Action<ILoggingBuilder> Logging { get; init; } = logging => logging
        .ClearProviders()
        .AddSimpleConsole(o => o.SingleLine = true)
        .SetMinimumLevel(LogLevel.Warning);
}
