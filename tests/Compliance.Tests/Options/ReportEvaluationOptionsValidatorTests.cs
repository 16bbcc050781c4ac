using ComplianceReport.Compliance.Options;

namespace ComplianceReport.Compliance.Tests.Options;

public sealed class ReportEvaluationOptionsValidatorTests
{
    private static IEnumerable<string> Failures(ReportEvaluationOptions options) =>
        new ReportEvaluationOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Failures(new ReportEvaluationOptions()));
    }

    [Theory]
    [InlineData("exceptions.yaml")]
    [InlineData("/etc/compliance/exceptions.yaml")]
    [InlineData("s3://sec-control-config/compliance/exceptions.yaml")]
    public void Local_paths_and_s3_locations_are_accepted(string location)
    {
        Assert.Empty(Failures(new ReportEvaluationOptions { ExceptionsFile = location }));
    }

    [Theory]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://Bad_Bucket/key.yaml")]
    [InlineData("s3:///key.yaml")]
    public void A_bad_s3_location_names_the_key(string location)
    {
        var failure = Assert.Single(Failures(new ReportEvaluationOptions { ExceptionsFile = location }));

        Assert.StartsWith("Report:ExceptionsFile ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_values_each_name_their_key()
    {
        var options = new ReportEvaluationOptions
        {
            Severities = new() { ["restricted-ssh"] = "Severe", ["ok-rule"] = "low" },
            Owners = new OwnerOptions { ResourceTagKeys = ["Owner", " "], ByOuPath = new() { ["Prod/Payments"] = "x" } },
            ExceptionsMaxDays = 0,
            ExceptionsWarnDays = -1,
        };

        var failures = Failures(options).ToList();

        Assert.Equal(5, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("Report:Severities:restricted-ssh ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Report:Owners:ResourceTagKeys:1 ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Report:Owners:ByOuPath:Prod/Payments ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Report:ExceptionsMaxDays ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Report:ExceptionsWarnDays ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_numeric_severity_is_refused()
    {
        Assert.Single(Failures(new ReportEvaluationOptions { Severities = new() { ["r"] = "3" } }));
    }
}
