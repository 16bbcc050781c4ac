using System.Net;
using System.Net.Sockets;
using ComplianceReport.Grains.Interfaces.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Silo.Hosting;

/// <summary>
/// Faults found before the host starts, each as one <see cref="ConfigurationErrorException"/> naming
/// the key the operator sets: Orleans and Kestrel would log them with stack traces first.
/// </summary>
public static class StartupChecks
{
    private static readonly string[] OtlpEndpointKeys =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    /// <summary>Runs every options validator; several bad sections give one line listing them all.</summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationErrorException(string.Join(" ", ex.Failures));
        }
        catch (AggregateException ex)
        {
            var failures = ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]);
            throw new ConfigurationErrorException(string.Join(" ", failures));
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value it could not convert.
            throw new ConfigurationErrorException(ex.Message);
        }
    }

    /// <summary>The OTLP exporter takes any string and then exports nowhere: only absolute http(s) URLs pass.</summary>
    public static void ValidateTelemetry(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var key in OtlpEndpointKeys)
        {
            var value = configuration[key];
            if (!string.IsNullOrWhiteSpace(value)
                && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
            {
                throw new ConfigurationErrorException($"{key} must be an absolute http(s) URL such as http://127.0.0.1:4317, not '{value}'.");
            }
        }
    }

    /// <summary>The silo-to-silo, gateway and dashboard ports with the keys that set them.</summary>
    public static IEnumerable<(string Key, int Port)> ClusterPorts(ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        yield return ("Cluster:SiloPort", cluster.SiloPort);
        yield return ("Cluster:GatewayPort", cluster.GatewayPort);
        if (cluster.DashboardPort > 0)
        {
            yield return ("Cluster:DashboardPort", cluster.DashboardPort);
        }
    }

    /// <summary>The HTTP ports Kestrel will listen on, as ASP.NET Core resolves them (urls, then http_ports, then 5000).</summary>
    public static IEnumerable<(string Key, int Port)> HttpPorts(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return UrlPorts("ASPNETCORE_URLS", urls);
        }

        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            return ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => int.TryParse(p, out var port) ? port : 0)
                .Where(p => p > 0)
                .Select(p => ("ASPNETCORE_HTTP_PORTS", p))
                .ToList();
        }

        return [("ASPNETCORE_URLS", 5000)];
    }

    /// <summary>The ports of a <c>;</c>-separated URL list; what does not parse is left for Kestrel to reject.</summary>
    public static IEnumerable<(string Key, int Port)> UrlPorts(string key, string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (Uri.TryCreate(parsable, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                yield return (key, uri.Port);
            }
        }
    }

    /// <summary>
    /// Stops at the first HTTP URL whose IP address is not one of this host's: Kestrel would fail
    /// to bind it only once the silo has joined the cluster, with a stack trace.
    /// </summary>
    public static void EnsureHttpAddressesLocal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["urls"] is not { Length: > 0 } urls)
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
            {
                continue;
            }

            try
            {
                using var probe = new TcpListener(address, 0);
                probe.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressNotAvailable)
            {
                throw new ConfigurationErrorException($"ASPNETCORE_URLS names {address}, which is not an address of this host: listen on 0.0.0.0, 127.0.0.1 or one of its own addresses.");
            }
        }
    }

    /// <summary>Stops at the first port another process listens on, naming the key to change.</summary>
    public static void EnsurePortsFree(IEnumerable<(string Key, int Port)> ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        foreach (var (key, port) in ports.Where(p => p.Port > 0))
        {
            try
            {
                // Any address: on Linux this also conflicts with a listener on the loopback address only.
                using var probe = new TcpListener(IPAddress.Any, port);
                probe.Start();
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
                var variable = key.Contains(':', StringComparison.Ordinal) ? $" (environment {key.Replace(":", "__", StringComparison.Ordinal)})" : string.Empty;
                throw new ConfigurationErrorException($"Port {port} ({key}) is already in use: stop what holds it, or set {key}{variable} to a free port.");
            }
        }
    }
}
