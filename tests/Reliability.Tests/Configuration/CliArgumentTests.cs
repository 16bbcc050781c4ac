using System.Globalization;
using ComplianceReport.Reliability.Tests.Support;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Reliability.Tests.Configuration;

/// <summary>The built CLI refuses bad arguments with exit code 2 and a sentence, before any cluster call.</summary>
public sealed class CliArgumentTests
{
    public static TheoryData<string[], string> BadArguments() => new()
    {
        { ["frobnicate"], "Unknown command 'frobnicate'" },
        { ["rescan"], "missing required argument 'ACCOUNT'" },
        { ["rescan", "12345"], "'12345' is not an AWS account id" },
        { ["rescan", "123456789012", "12345678901x"], "'12345678901x' is not an AWS account id" },
        { ["account", "../../etc/passwd"], "is not an AWS account id" },
        { ["account", "=cmd|' /C calc'!A0"], "is not an AWS account id" },
        { ["report"], "'report' needs a subcommand" },
        { ["report", "delete"], "Unknown command 'delete'" },
        { ["accounts", "--wait"], "Unknown option 'wait'" },
        { ["accounts", "--bogus"], "Unknown option 'bogus'" },
        { ["accounts", "-o", "xml"], "Unknown output format 'xml'" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_exit_2_with_a_sentence_and_no_stack_trace(string[] args, string message)
    {
        // A gateway port nobody listens on: a parse that slipped through would fail differently (exit 1).
        var environment = new Dictionary<string, string> { ["Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture) };

        await using var cli = AppProcess.Start(BuiltApp.Client, args, environment);
        var exited = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exited, $"the CLI kept running:\n{cli.Output}");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains(message, cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Output, StringComparison.Ordinal);
    }
}
