using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.Hosting;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.S3;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.Tests.Hosting;

public sealed class DeliveryRegistrationTests
{
    [Fact]
    public void Without_a_bucket_or_Jira_no_sink_is_registered_and_start_succeeds()
    {
        using var provider = Build([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(provider.GetServices<IReportSink>());
    }

    [Fact]
    public void A_bucket_and_a_Jira_dry_run_register_S3_before_Jira()
    {
        using var provider = Build(new()
        {
            ["Report:S3Bucket"] = "sec-reports",
            ["Jira:DryRun"] = "true",
            ["Jira:ProjectKey"] = "SEC",
            ["Report:S3Region"] = "eu-west-1",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var sinks = provider.GetServices<IReportSink>().OrderBy(s => s.Order).ToList();
        Assert.Collection(
            sinks,
            s => Assert.IsType<S3ReportSink>(s),
            s => Assert.IsType<JiraReportSink>(s));
        Assert.Equal(["s3", "jira"], sinks.Select(s => s.Name));
    }

    [Fact]
    public void A_Cloud_Jira_configuration_binds_every_key()
    {
        using var provider = Build(new()
        {
            ["Jira:BaseUrl"] = "https://example.atlassian.net",
            ["Jira:ProjectKey"] = "SEC",
            ["Jira:IssueType"] = "Bug",
            ["Jira:Email"] = "bot@example.com",
            ["Jira:ApiToken"] = "token",
            ["Jira:AttachmentMaxBytes"] = "2048",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<JiraOptions>>().Value;
        Assert.Equal(3, options.ApiVersion);
        Assert.Equal("Bug", options.IssueType);
        Assert.Equal(2048, options.AttachmentMaxBytes);
        Assert.False(options.DryRun);
        Assert.IsType<JiraReportSink>(Assert.Single(provider.GetServices<IReportSink>()));
    }

    [Fact]
    public void Bad_values_stop_the_start_with_messages_naming_the_keys()
    {
        using var provider = Build(new()
        {
            ["Report:S3Bucket"] = "Bad_Bucket",
            ["Report:S3Region"] = "Europe",
            ["Report:PresignedUrlLifetime"] = "8.00:00:00",
            ["Jira:BaseUrl"] = "ftp://jira",
            ["Jira:ProjectKey"] = "sec",
            ["Jira:ApiVersion"] = "4",
        });

        // One OptionsValidationException per options type, wrapped together.
        var error = Assert.Throws<AggregateException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = string.Join("\n", error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        foreach (var key in new[] { "Report:S3Bucket", "Report:S3Region", "Report:PresignedUrlLifetime", "Jira:BaseUrl", "Jira:ProjectKey", "Jira:ApiVersion", "Jira:ApiToken" })
        {
            Assert.Contains(key, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cloud_needs_the_email_and_the_token()
    {
        var result = new JiraOptionsValidator().Validate(null, new JiraOptions { BaseUrl = "https://example.atlassian.net", ProjectKey = "SEC" });

        Assert.True(result.Failed);
        Assert.Contains("Jira:Email", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Jira:ApiToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_Center_needs_only_the_token()
    {
        var result = new JiraOptionsValidator().Validate(null, new JiraOptions { BaseUrl = "https://jira.example.com/jira", ProjectKey = "SEC", ApiVersion = 2, ApiToken = "pat" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_an_invalid_Jira_configuration()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Jira:BaseUrl"] = "not a url", ["Jira:ProjectKey"] = "SEC", ["Jira:ApiToken"] = "t", ["Jira:Email"] = "e@example.com" });
        builder.Services.AddReportDelivery(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Jira:BaseUrl must be an absolute http or https URL", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddReportDelivery(configuration).BuildServiceProvider();
    }
}
