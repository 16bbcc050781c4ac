using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceReport.SimulatedEnvironment;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Grains.Tests;

[Collection(DemoCollection.Name)]
public sealed partial class ConfiguredModeTests(DemoProcess demo)
{
    [Fact]
    public async Task A_configured_silo_against_a_separate_simulator_writes_the_demos_workbook()
    {
        var output = Directory.CreateTempSubdirectory("compliance-configured-").FullName;
        try
        {
            // The same organization as the demo's (its seed and fault counts for 30 accounts).
            var simulatorPort = FreePort.Next();
            await using var simulator = await ServerProcess.StartAsync(
                "dotnet",
                [DemoProcess.BinPath("tools/AwsSimulator", "ComplianceReport.AwsSimulator.dll"), "--port", Invariant(simulatorPort),
                 "--accounts", Invariant(DemoProcess.Accounts), "--seed", "1", "--latency-ms", "5",
                 "--deny-accounts", "1", "--no-config-accounts", "1", "--suspended-accounts", "1"],
                simulatorPort,
                TimeSpan.FromMinutes(1));
            // The port can accept before the process's first lines reach us: wait for them.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (!ManagementAccount().IsMatch(simulator.Output) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var management = ManagementAccount().Match(simulator.Output).Groups[1].Value;
            Assert.Matches("^[0-9]{12}$", management);

            var gatewayPort = FreePort.Next();
            var httpPort = FreePort.Next();
            await using var silo = await ServerProcess.StartAsync(
                "dotnet",
                [DemoProcess.BinPath("src/Silo", "ComplianceReport.Silo.dll")],
                httpPort,
                TimeSpan.FromMinutes(2),
                SiloEnvironment(simulatorPort, management, output, gatewayPort, httpPort));

            var run = await RunCliUntilSiloAnswersAsync(gatewayPort);
            Assert.True(run.ExitCode == 0, run.Error + run.Output + silo.Output);

            var workbook = Assert.Single(Directory.GetFiles(output, "compliance-report-*.xlsx"));
            var demoWorkbook = Directory.GetFiles(demo.OutputDirectory, "compliance-report-*.xlsx").Single();
            Assert.Equal(FindingKeys(demoWorkbook), FindingKeys(workbook));
            Assert.Equal(AccountRows(demoWorkbook), AccountRows(workbook));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The production silo's environment as an operator would set it, pointed at the simulator.</summary>
    private static Dictionary<string, string> SiloEnvironment(int simulatorPort, string management, string output, int gatewayPort, int httpPort)
    {
        var environment = new SimulatorConnection(new Uri($"http://127.0.0.1:{Invariant(simulatorPort)}"), management, ["us-east-1", "eu-west-1"]).SiloEnvironment();
        environment["Scan__RequestsPerSecond"] = "20";
        environment["Report__OutputDirectory"] = output;
        environment["Cluster__SiloPort"] = Invariant(FreePort.Next());
        environment["Cluster__GatewayPort"] = Invariant(gatewayPort);
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Invariant(httpPort)}";
        return environment;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunCliUntilSiloAnswersAsync(int gatewayPort)
    {
        var environment = new Dictionary<string, string> { ["Cluster__GatewayPort"] = Invariant(gatewayPort) };
        for (var attempt = 0; ; attempt++)
        {
            // The HTTP port opens a moment before the silo joins its cluster.
            var result = await DemoProcess.RunCliAsync(environment, "report", "run", "--wait");
            if (!result.Error.Contains("No ComplianceReport silo answered", StringComparison.Ordinal) || attempt == 10)
            {
                return result;
            }

            await Task.Delay(1000);
        }
    }

    private static List<string> FindingKeys(string workbook) =>
        WorkbookRows.Read(workbook, "Findings").Skip(1).Select(r => string.Join('|', r[..7])).Order(StringComparer.Ordinal).ToList();

    private static List<string> AccountRows(string workbook) =>
        WorkbookRows.Read(workbook, "Accounts").Skip(1).Where(r => r.Length > 0 && r[0].Length == 12)
            .Select(r => string.Join('|', r[..4])).Order(StringComparer.Ordinal).ToList();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("management account ([0-9]{12})")]
    private static partial Regex ManagementAccount();
}
