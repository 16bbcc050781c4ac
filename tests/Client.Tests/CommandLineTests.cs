namespace ComplianceReport.Client.Tests;

/// <summary>Help, version and wrong command lines: answered before any cluster call.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("accounts", "accounts --status failed")]
    [InlineData("account", "account 123456789012")]
    [InlineData("rescan", "rescan 123456789012")]
    [InlineData("report run", "report run --wait")]
    [InlineData("report status", "report status 2026-W48 --json")]
    [InlineData("report list", "report list")]
    [InlineData("report deliver", "report deliver 2026-W48")]
    [InlineData("exceptions check", "exceptions check deploy/exceptions.example.yaml")]
    [InlineData("exceptions list", "exceptions list -o csv")]
    public async Task Every_command_has_help_with_an_example(string command, string example)
    {
        var api = new FakeComplianceApi();
        var result = await Cli.RunAsync(api, [.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("USAGE:", result.Output, StringComparison.Ordinal);
        Assert.Contains("compliance-report " + example, result.Output, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task The_top_level_help_lists_every_command()
    {
        var result = await Cli.RunAsync(new FakeComplianceApi(), "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "accounts", "account", "rescan", "report", "exceptions" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await Cli.RunAsync(new FakeComplianceApi(), "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Theory]
    [InlineData("frobnicate", "Unknown command 'frobnicate'")]
    [InlineData("rescan", "missing required argument 'ACCOUNT'")]
    [InlineData("rescan 12345", "'12345' is not an AWS account id (12 digits)")]
    [InlineData("rescan 123456789012 12345678901x", "'12345678901x' is not an AWS account id")]
    [InlineData("account ../../etc/passwd", "is not an AWS account id")]
    [InlineData("account ١٢٣٤٥٦٧٨٩٠١٢", "is not an AWS account id")]
    [InlineData("accounts --bogus", "Unknown option 'bogus'")]
    [InlineData("accounts --wait", "Unknown option 'wait'")]
    [InlineData("accounts -o xml", "Unknown output format 'xml'")]
    [InlineData("accounts --json -o csv", "ask for different formats")]
    [InlineData("accounts --status weird", "Unknown status 'weird'")]
    [InlineData("accounts --sort size", "Unknown sort order 'size'")]
    [InlineData("accounts --top 0", "--top must be at least 1")]
    [InlineData("report delete", "Unknown command 'delete'")]
    [InlineData("exceptions check", "missing required argument 'FILE'")]
    [InlineData("exceptions check x.yaml --max-days 0", "--max-days must be 1 to 3650")]
    public async Task A_wrong_command_line_exits_2_with_one_line_and_no_call(string line, string message)
    {
        var api = Samples.Cluster();
        var result = await Cli.RunAsync(api, line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(api.Calls);
    }

    [Theory]
    [InlineData("report", "'report' needs a subcommand: run, status, list or deliver.")]
    [InlineData("exceptions", "'exceptions' needs a subcommand: check or list.")]
    public async Task A_group_without_a_subcommand_shows_its_help_and_exits_2(string group, string message)
    {
        var result = await Cli.RunProgramAsync(new FakeComplianceApi(), group);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("COMMANDS:", result.Output, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_silo_is_one_line_and_exit_1()
    {
        var api = new FakeComplianceApi { Unreachable = new ComplianceReport.Client.Cli.CliFailureException("No ComplianceReport silo answered (gateway port 30000): start one with 'dotnet run --project src/Demo'.") };

        var result = await Cli.RunAsync(api, "report", "list");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("No ComplianceReport silo answered (gateway port 30000): start one with 'dotnet run --project src/Demo'.", result.Error.Trim());
    }

    [Fact]
    public async Task A_failing_cluster_call_is_one_line_without_a_stack_trace()
    {
        var api = new FakeComplianceApi { Unreachable = new TimeoutException("Response did not arrive on time in 00:00:30\n   at Orleans.Runtime.Something()") };

        var result = await Cli.RunAsync(api, "accounts");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("The cluster call failed: TimeoutException: Response did not arrive on time in 00:00:30", result.Error.Trim());
    }
}
