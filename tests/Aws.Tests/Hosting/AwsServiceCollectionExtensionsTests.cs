using Amazon.Runtime;
using ComplianceReport.Aws.Hosting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Aws.Tests.Support;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Tests.Hosting;

public sealed class AwsServiceCollectionExtensionsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<AWSCredentials>(TestCredentials.Hub);
        builder.Services.AddAwsAdapters(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public void The_ports_resolve_from_configuration()
    {
        using var host = Build(new()
        {
            ["Organization:ManagementAccountId"] = "123456789012",
            ["Organization:Regions:0"] = "eu-west-1",
            ["Scan:RequestsPerSecond"] = "2.5",
        });

        Assert.NotNull(host.Services.GetRequiredService<IOrganizationDiscovery>());
        Assert.NotNull(host.Services.GetRequiredService<IComplianceReader>());
        var session = host.Services.GetRequiredService<AccountSessionFactory>().Create("210987654321");
        Assert.Equal("arn:aws:iam::210987654321:role/system-config-report-generator-read-role", session.RoleArn);
        Assert.Same(session, host.Services.GetRequiredService<AccountSessionFactory>().Create("210987654321"));
        Assert.Equal(2.5, host.Services.GetRequiredService<IOptions<ComplianceReport.Aws.Options.ScanOptions>>().Value.RequestsPerSecond);
    }

    [Fact]
    public async Task A_bad_value_stops_the_host_at_start_naming_the_key()
    {
        using var host = Build(new()
        {
            ["Organization:ManagementAccountId"] = "not-digits",
            ["Organization:Regions:0"] = "eu-west-1",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Organization:ManagementAccountId must be 12 digits", error.Message, StringComparison.Ordinal);
    }
}
