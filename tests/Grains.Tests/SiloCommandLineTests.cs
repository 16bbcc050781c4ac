using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ComplianceReport.Grains.Tests;

/// <summary>The production silo's own command line: it takes no arguments, its help lists the keys that configure it.</summary>
public sealed class SiloCommandLineTests
{
    [Fact]
    public async Task Help_lists_the_configuration_keys_and_exits_0()
    {
        var help = await DemoProcess.RunSiloAsync(Path.GetTempPath(), new Dictionary<string, string>(), "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Equal(string.Empty, help.Error);
        Assert.Contains("--version", help.Output, StringComparison.Ordinal);
        foreach (var key in new[] { "Organization:ManagementAccountId", "Report:ExceptionsFile", "Cluster:SiloPort", "Cluster:GatewayPort", "Jira:BaseUrl" })
        {
            Assert.Contains(key, help.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_one_line()
    {
        var version = await DemoProcess.RunSiloAsync(Path.GetTempPath(), new Dictionary<string, string>(), "--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\S*$", version.Output.Trim());
    }

    [Theory]
    [InlineData("dmeo")]
    [InlineData("--demo")]
    public async Task An_argument_exits_2_with_one_line_instead_of_configuration_errors(string argument)
    {
        var result = await DemoProcess.RunSiloAsync(Path.GetTempPath(), new Dictionary<string, string>(), argument);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(argument.TrimStart('-'), line, StringComparison.Ordinal);
        Assert.DoesNotContain("Configuration error", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_stops_the_silo_with_one_line_naming_the_port_and_its_key()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        var result = await DemoProcess.RunSiloAsync(
            Path.GetTempPath(),
            new Dictionary<string, string> { ["Cluster__SiloPort"] = port.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"Port {port} (Cluster:SiloPort) is already in use", line, StringComparison.Ordinal);
    }
}
