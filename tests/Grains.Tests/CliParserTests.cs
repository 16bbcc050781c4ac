using ComplianceReport.Client.Cli;

namespace ComplianceReport.Grains.Tests;

public sealed class CliParserTests
{
    [Theory]
    [InlineData("rescan 12345678901")]
    [InlineData("rescan 1234567890123")]
    [InlineData("rescan 12345678901a")]
    [InlineData("account ١٢٣٤٥٦٧٨٩٠١٢")]
    [InlineData("rescan")]
    [InlineData("account 123456789012 123456789013")]
    [InlineData("report")]
    [InlineData("report delete")]
    [InlineData("accounts --wait")]
    [InlineData("accounts extra")]
    [InlineData("frobnicate")]
    [InlineData("accounts --verbose")]
    public void Bad_command_lines_are_usage_errors(string line)
    {
        var ex = Assert.Throws<CliUsageException>(() => CliParser.Parse(line.Split(' ')));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void A_bad_account_id_is_named_in_the_message()
    {
        var ex = Assert.Throws<CliUsageException>(() => CliParser.Parse(["rescan", "123456789012", "12345"]));
        Assert.Contains("'12345'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("12 digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_command_lines_parse()
    {
        Assert.Equal(CommandKind.Accounts, CliParser.Parse(["accounts"]).Kind);
        var rescan = CliParser.Parse(["rescan", "123456789012", "210987654321", "123456789012", "--json"]);
        Assert.Equal(CommandKind.Rescan, rescan.Kind);
        Assert.Equal(["123456789012", "210987654321"], rescan.Arguments);
        Assert.True(rescan.Json);
        var run = CliParser.Parse(["report", "run", "--wait"]);
        Assert.Equal(CommandKind.ReportRun, run.Kind);
        Assert.True(run.Wait);
        Assert.Equal(["2026-W48"], CliParser.Parse(["report", "status", "2026-W48"]).Arguments);
        Assert.Equal(CommandKind.ReportList, CliParser.Parse(["report", "list"]).Kind);
        Assert.Equal(CommandKind.Help, CliParser.Parse([]).Kind);
    }
}
