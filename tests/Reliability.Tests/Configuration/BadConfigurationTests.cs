using System.Globalization;
using ComplianceReport.Reliability.Tests.Support;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Reliability.Tests.Configuration;

/// <summary>
/// The production silo, started as a process with one bad configuration value on top of a valid
/// configuration: it must stop at once, non-zero, naming the key, without a stack trace.
/// </summary>
public sealed class BadConfigurationTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    public static TheoryData<string, string, string> BadValues() => new()
    {
        { "Organization__ManagementAccountId", "123", "Organization:ManagementAccountId" },
        { "Organization__Regions__0", "moon-base-1", "Organization:Regions:0" },
        { "Organization__ExcludeAccountIds__0", "12", "Organization:ExcludeAccountIds:0" },
        { "Organization__ReadRoleName", "bad role/name", "Organization:ReadRoleName" },
        { "Cluster__Clustering", "Foo", "Cluster:Clustering" },
        { "Cluster__Storage", "Disk", "Cluster:Storage" },
        { "Cluster__SiloPort", "70000", "Cluster:SiloPort" },
        { "Scan__RequestsPerSecond", "-1", "Scan:RequestsPerSecond" },
        { "Scan__MaxConcurrentAccounts", "many", "Scan:MaxConcurrentAccounts" },
        { "Scan__ResultMaxAge", "-01:00:00", "Scan:ResultMaxAge" },
        { "Aws__MaxErrorRetry", "99", "Aws:MaxErrorRetry" },

        // A bare number binds as days: the range check catches "30" meant as seconds.
        { "Aws__RequestTimeout", "30", "Aws:RequestTimeout" },
        { "Report__OutputDirectory", string.Empty, "Report:OutputDirectory" },
        { "Report__Schedule__DayOfWeek", "Funday", "Report:Schedule:DayOfWeek" },
        { "Report__S3Bucket", "Not_A_Bucket", "Report:S3Bucket" },
        { "Jira__BaseUrl", "notaurl", "Jira:BaseUrl" },
        { "Jira__ApiVersion", "9", "Jira:ApiVersion" },
        { "Jira__ProjectKey", "sec-lower", "Jira:ProjectKey" },
    };

    [Fact]
    public async Task A_bad_table_prefix_stops_a_silo_that_uses_DynamoDB()
    {
        var environment = ValidEnvironment();
        environment["Cluster__Storage"] = "DynamoDB";
        environment["Cluster__TablePrefix"] = "bad prefix!";

        await AssertStopsNamingAsync(environment, "Cluster:TablePrefix");
    }

    [Fact]
    public async Task An_http_address_not_of_this_host_stops_the_silo_naming_ASPNETCORE_URLS()
    {
        // The port is free, but the address (TEST-NET) is not this host's: Kestrel would only fail
        // to bind it after the silo joined the cluster.
        var environment = ValidEnvironment();
        environment["ASPNETCORE_URLS"] = $"http://192.0.2.55:{FreePort.Next()}";

        await AssertStopsNamingAsync(environment, "ASPNETCORE_URLS");
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_stops_the_silo_with_a_message_naming_its_key(string variable, string value, string key)
    {
        var environment = ValidEnvironment();
        environment[variable] = value;

        await AssertStopsNamingAsync(environment, key);
    }

    private static async Task AssertStopsNamingAsync(Dictionary<string, string> environment, string key)
    {
        await using var silo = AppProcess.Start(BuiltApp.Silo, [], environment);
        var exited = await silo.WaitForExitAsync(ExitTimeout);

        Assert.True(exited, $"the silo kept running with a bad {key}:\n{silo.Output}");
        Assert.NotEqual(0, silo.ExitCode);
        Assert.Contains(key, silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_configuration_without_the_bad_value_starts_and_serves()
    {
        var environment = ValidEnvironment();
        var url = environment["ASPNETCORE_URLS"];

        await using var silo = AppProcess.Start(BuiltApp.Silo, [], environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var live = false;
        while (!live && DateTime.UtcNow < deadline && !silo.HasExited)
        {
            try
            {
                live = (await http.GetAsync($"{url}/health/live")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        Assert.True(live, $"the silo did not serve /health/live:\n{silo.Output}");
        Assert.DoesNotContain("Configuration error", silo.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ValidEnvironment()
    {
        var output = Path.Combine(Path.GetTempPath(), "compliance-badconfig-" + Guid.NewGuid().ToString("N"));
        return new Dictionary<string, string>
        {
            ["Organization__ManagementAccountId"] = "111111111111",
            ["Organization__Regions__0"] = "us-east-1",
            ["Aws__ServiceUrl"] = "http://127.0.0.1:9",
            ["AWS_ACCESS_KEY_ID"] = "AKIASIMHUB0000000001",
            ["AWS_SECRET_ACCESS_KEY"] = "not-a-real-secret-0000000000000000000000",
            ["AWS_REGION"] = "us-east-1",
            ["Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Report__OutputDirectory"] = output,
            ["Jira__DryRun"] = "true",
            ["Jira__ProjectKey"] = "SEC",
        };
    }
}
