using ComplianceReport.Aws.Options;

namespace ComplianceReport.Aws.Tests.Options;

public sealed class OptionsValidationTests
{
    private static OrganizationOptions Valid() => new()
    {
        ManagementAccountId = "123456789012",
        Regions = ["us-east-1", "eu-west-1"],
        ParentIds = ["r-ab12", "ou-ab12-cd34ef56"],
        ExcludeAccountIds = ["210987654321"],
    };

    [Fact]
    public void Valid_organization_options_pass_with_the_seed_role_names_as_defaults()
    {
        var options = Valid();

        Assert.True(new OrganizationOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("system-config-report-generator-list-org-role", options.ListOrgRoleName);
        Assert.Equal("system-config-report-generator-read-role", options.ReadRoleName);
    }

    [Theory]
    [InlineData(nameof(OrganizationOptions.ManagementAccountId), "Organization:ManagementAccountId must be 12 digits")]
    [InlineData(nameof(OrganizationOptions.ReadRoleName), "Organization:ReadRoleName must be an IAM role name")]
    [InlineData(nameof(OrganizationOptions.Regions), "Organization:Regions:1 is not a known AWS region name")]
    [InlineData("NoRegions", "Organization:Regions must list at least one AWS region")]
    [InlineData(nameof(OrganizationOptions.ExcludeAccountIds), "Organization:ExcludeAccountIds:0 must be 12 digits")]
    [InlineData(nameof(OrganizationOptions.ParentIds), "Organization:ParentIds:0 must be a root id")]
    public void Bad_organization_values_are_reported_by_key(string broken, string expected)
    {
        var options = Valid();
        switch (broken)
        {
            case nameof(OrganizationOptions.ManagementAccountId): options.ManagementAccountId = "12345"; break;
            case nameof(OrganizationOptions.ReadRoleName): options.ReadRoleName = "role with spaces"; break;
            case nameof(OrganizationOptions.Regions): options.Regions = ["us-east-1", "mars-north-1"]; break;
            case "NoRegions": options.Regions = []; break;
            case nameof(OrganizationOptions.ExcludeAccountIds): options.ExcludeAccountIds = ["not-an-id"]; break;
            case nameof(OrganizationOptions.ParentIds): options.ParentIds = ["Prod"]; break;
        }

        var result = new OrganizationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void The_aggregator_source_needs_its_name_account_and_region_each_named_by_key()
    {
        var options = Valid();
        options.Source = ComplianceSource.Aggregator;

        var missing = new OrganizationOptionsValidator().Validate(null, options);

        Assert.Equal(ComplianceSource.AssumeRole, Valid().Source);
        Assert.Equal("system-config-report-generator-aggregator-read-role", options.AggregatorRoleName);
        Assert.Contains("Organization:AggregatorName must name the Config aggregator", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Organization:AggregatorAccountId must be the 12-digit account", missing.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Organization:AggregatorRegion must be the AWS region", missing.FailureMessage, StringComparison.Ordinal);

        options.AggregatorName = "aws-controltower-GuardrailsComplianceAggregator";
        options.AggregatorAccountId = "210987654321";
        options.AggregatorRegion = "eu-west-1";
        Assert.True(new OrganizationOptionsValidator().Validate(null, options).Succeeded);

        options.AggregatorName = "name with spaces";
        options.AggregatorRoleName = "role/with/slashes";
        var bad = new OrganizationOptionsValidator().Validate(null, options);
        Assert.Contains("Organization:AggregatorName", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Organization:AggregatorRoleName must be an IAM role name", bad.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_defaults_are_valid_and_bad_values_name_their_key()
    {
        var defaults = new ScanOptions();
        Assert.True(new ScanOptionsValidator().Validate(null, defaults).Succeeded);
        Assert.Equal((1000, 1d, 2, TimeSpan.FromHours(1)), (defaults.MaxConcurrentAccounts, defaults.RequestsPerSecond, defaults.RequestsBurst, defaults.ResultMaxAge));

        var result = new ScanOptionsValidator().Validate(null, new ScanOptions { MaxConcurrentAccounts = 0, RequestsPerSecond = 0, RequestsBurst = 0, ResultMaxAge = TimeSpan.Zero });

        Assert.Contains("Scan:MaxConcurrentAccounts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scan:RequestsPerSecond", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scan:RequestsBurst", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scan:ResultMaxAge", result.FailureMessage, StringComparison.Ordinal);

        // The ceiling: 20 unless set, never below the starting rate.
        Assert.Equal(ScanOptions.DefaultMaxRequestsPerSecond, defaults.EffectiveMaxRequestsPerSecond);
        Assert.Equal(50, new ScanOptions { RequestsPerSecond = 50 }.EffectiveMaxRequestsPerSecond);
        var below = new ScanOptionsValidator().Validate(null, new ScanOptions { RequestsPerSecond = 5, MaxRequestsPerSecond = 2 });
        Assert.Contains("Scan:MaxRequestsPerSecond must be at least Scan:RequestsPerSecond (5)", below.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Aws_options_reject_sessions_longer_than_role_chaining_allows()
    {
        var result = new AwsOptionsValidator().Validate(null, new AwsOptions { SessionDuration = TimeSpan.FromHours(2), ServiceUrl = "not a url" });

        Assert.Contains("Aws:SessionDuration", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Aws:ServiceUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new AwsOptionsValidator().Validate(null, new AwsOptions()).Succeeded);
    }
}
