using ComplianceReport.Compliance.Exceptions;

namespace ComplianceReport.Compliance.Tests.Exceptions;

public sealed class ExceptionsFileParserTests
{
    private const string File = "exceptions.yaml";

    private const string ValidEntry = """
        exceptions:
          - id: EX-1
            accounts: ["111122223333", "Root/Sandbox/*"]
            regions: [eu-west-1]
            rules: [restricted-ssh]
            resourceTypes: ["AWS::EC2::SecurityGroup"]
            resources: ["sg-0abc*"]
            owner: team@example.com
            reason: Bastion until the SSM migration.
            ticket: SEC-1
            approved: 2026-11-01
            approvedBy: ciso@example.com
            expires: 2027-01-31
        """;

    private static ExceptionsFileParseResult Parse(string yaml, int maxDays = 365) => ExceptionsFileParser.Parse(yaml, File, maxDays);

    private static ExceptionsFileError Single(ExceptionsFileParseResult result) => Assert.Single(result.Errors);

    [Fact]
    public void A_valid_entry_is_read_with_every_field()
    {
        var result = Parse(ValidEntry);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        var entry = Assert.Single(result.Entries);
        Assert.Equal("EX-1", entry.Id);
        Assert.Equal(["111122223333", "Root/Sandbox/*"], entry.Accounts);
        Assert.Equal(["eu-west-1"], entry.Regions);
        Assert.Equal(["restricted-ssh"], entry.Rules);
        Assert.Equal(["AWS::EC2::SecurityGroup"], entry.ResourceTypes);
        Assert.Equal(["sg-0abc*"], entry.Resources);
        Assert.Equal("team@example.com", entry.Owner);
        Assert.Equal("SEC-1", entry.Ticket);
        Assert.Equal(new DateOnly(2026, 11, 1), entry.Approved);
        Assert.Equal(new DateOnly(2027, 1, 31), entry.Expires);
        Assert.Equal(2, entry.Line);
    }

    [Fact]
    public void The_example_file_in_the_repository_is_valid()
    {
        var text = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "exceptions.example.yaml"));

        var result = ExceptionsFileParser.Parse(text, "deploy/exceptions.example.yaml", 365);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(3, result.Entries.Count);
    }

    [Fact]
    public void An_empty_file_has_no_entries_and_no_errors()
    {
        var result = Parse("");

        Assert.True(result.IsValid);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void An_unknown_key_names_its_line_and_suggests_the_right_spelling()
    {
        var error = Single(Parse(ValidEntry.Replace("    approvedBy:", "    approvedby: x\n    approvedBy:", StringComparison.Ordinal)));

        Assert.Equal(12, error.Line);
        Assert.Equal("exceptions[0].approvedby", error.Field);
        Assert.Contains("did you mean 'approvedBy'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("exceptions.yaml:12: exceptions[0].approvedby:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("reason")]
    [InlineData("expires")]
    [InlineData("approved")]
    [InlineData("approvedBy")]
    public void A_missing_required_field_is_named_at_the_entry_line(string field)
    {
        var yaml = string.Join('\n', ValidEntry.Split('\n').Where(line => !line.TrimStart().StartsWith(field + ":", StringComparison.Ordinal)));

        var error = Single(Parse(yaml));

        Assert.Equal(2, error.Line);
        Assert.Equal($"exceptions[0].{field}", error.Field);
        Assert.Equal("is required", error.Message);
    }

    [Fact]
    public void An_expiry_past_the_limit_names_the_latest_allowed_date()
    {
        var error = Single(Parse(ValidEntry, maxDays: 30));

        Assert.Equal(13, error.Line);
        Assert.Equal("exceptions[0].expires", error.Field);
        Assert.Contains("91 days after approved (2026-11-01); at most 30", error.Message, StringComparison.Ordinal);
        Assert.Contains("expire by 2026-12-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expiry_before_approval_is_an_error()
    {
        var error = Single(Parse(ValidEntry.Replace("expires: 2027-01-31", "expires: 2026-10-01", StringComparison.Ordinal)));

        Assert.Equal("exceptions[0].expires", error.Field);
        Assert.Contains("before approved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_that_is_not_iso_is_an_error()
    {
        var error = Single(Parse(ValidEntry.Replace("expires: 2027-01-31", "expires: 31/01/2027", StringComparison.Ordinal)));

        Assert.Equal(13, error.Line);
        Assert.Contains("not a date (use YYYY-MM-DD)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"11112222333\"", "is not a 12-digit account id")]
    [InlineData("Sandbox/*", "neither a 12-digit account id nor an OU path")]
    [InlineData("Root//Dev", "empty OU path segment")]
    [InlineData("\"Root/[ab]\"", "not a valid glob")]
    public void A_bad_account_is_named_with_its_list_index(string account, string expected)
    {
        var error = Single(Parse(ValidEntry.Replace("accounts: [\"111122223333\", \"Root/Sandbox/*\"]", $"accounts: [\"111122223333\", {account}]", StringComparison.Ordinal)));

        Assert.Equal(3, error.Line);
        Assert.Equal("exceptions[0].accounts[1]", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_resource_glob_is_an_error()
    {
        var error = Single(Parse(ValidEntry.Replace("resources: [\"sg-0abc*\"]", "resources: [\"sg-{a,b}\"]", StringComparison.Ordinal)));

        Assert.Equal("exceptions[0].resources[0]", error.Field);
        Assert.Contains("'{'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_region_and_resource_type_are_errors()
    {
        var yaml = ValidEntry
            .Replace("regions: [eu-west-1]", "regions: [Ireland]", StringComparison.Ordinal)
            .Replace("resourceTypes: [\"AWS::EC2::SecurityGroup\"]", "resourceTypes: [SecurityGroup]", StringComparison.Ordinal);

        var result = Parse(yaml);

        Assert.Equal(["exceptions[0].regions[0]", "exceptions[0].resourceTypes[0]"], result.Errors.Select(e => e.Field));
        Assert.Equal([4, 6], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void An_entry_naming_neither_rule_nor_resource_is_an_error()
    {
        var yaml = string.Join('\n', ValidEntry.Split('\n').Where(line => !line.Contains("rules:", StringComparison.Ordinal) && !line.Contains("resources:", StringComparison.Ordinal)));

        var error = Single(Parse(yaml));

        Assert.Equal(2, error.Line);
        Assert.Contains("at least a rule or a resource", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_id_names_the_first_line()
    {
        var second = ValidEntry[(ValidEntry.IndexOf('\n', StringComparison.Ordinal) + 1)..];

        var error = Single(Parse(ValidEntry + "\n" + second));

        Assert.Equal(14, error.Line);
        Assert.Equal("exceptions[1].id", error.Field);
        Assert.Equal("duplicate id 'EX-1' (first used on line 2)", error.Message);
    }

    [Fact]
    public void Every_error_of_the_file_is_listed_in_line_order_and_no_entry_is_kept()
    {
        var yaml = """
            exceptions:
              - id: A
                rules: [r]
                reason: x
                approved: 2026-01-01
                approvedBy: me
                expires: 2026-02-01
              - id: B
                resources: ["i-1"]
                owner: o
                reason: y
                approved: 2026-01-01
                approvedBy: me
                expires: 2028-01-01
                colour: red
            """;

        var result = Parse(yaml);

        Assert.Empty(result.Entries);
        Assert.Equal(
            ["exceptions.yaml:2: exceptions[0].owner", "exceptions.yaml:14: exceptions[1].expires", "exceptions.yaml:15: exceptions[1].colour"],
            result.Errors.Select(e => $"{e.File}:{e.Line}: {e.Field}"));
    }

    [Fact]
    public void A_yaml_syntax_error_names_its_line()
    {
        var error = Single(Parse("exceptions:\n  - id: A\n    rules: [unclosed\n"));

        Assert.Equal("(syntax)", error.Field);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Fact]
    public void An_unknown_top_level_key_is_an_error()
    {
        var error = Single(Parse("exception:\n  - id: A\n"));

        Assert.Equal(1, error.Line);
        Assert.Equal("exception", error.Field);
    }

    [Fact]
    public void A_single_value_stands_for_a_one_item_list()
    {
        var result = Parse(ValidEntry.Replace("regions: [eu-west-1]", "regions: eu-west-1", StringComparison.Ordinal));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(["eu-west-1"], result.Entries[0].Regions);
    }
}
