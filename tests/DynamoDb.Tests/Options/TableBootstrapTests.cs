using ComplianceReport.DynamoDb.Clustering;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Reminders;
using ComplianceReport.DynamoDb.Tests.Support;
using ComplianceReport.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Tests.Options;

public sealed class TableBootstrapTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Without_CreateIfNotExists_a_missing_table_fails_start_naming_the_table()
    {
        var options = new DynamoDbRemindersOptions();
        Moto.Apply(options, moto.Endpoint, "absent-reminders");
        options.CreateIfNotExists = false;
        using var table = new DynamoDbReminderTable(
            MsOptions.Create(options),
            MsOptions.Create(new ClusterOptions { ClusterId = "c", ServiceId = "s" }),
            NullLogger<DynamoDbReminderTable>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.StartAsync(CancellationToken.None));

        Assert.Contains("DynamoDB table 'absent-reminders'", error.Message, StringComparison.Ordinal);
        Assert.Contains("DynamoDb:Reminders:TableName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_service_url_the_sdk_follows_AWS_ENDPOINT_URL_DYNAMODB()
    {
        var options = new DynamoDbClusteringOptions();
        Moto.Apply(options, moto.Endpoint, "env-membership");
        options.ServiceUrl = null;
        var previous = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", moto.Endpoint);
        try
        {
            using var table = new DynamoDbMembershipTable(
                MsOptions.Create(options),
                MsOptions.Create(new ClusterOptions { ClusterId = "env", ServiceId = "s" }),
                NullLogger<DynamoDbMembershipTable>.Instance);
            await table.InitializeMembershipTable(tryInitTableVersion: true);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_DYNAMODB", previous);
        }

        var items = await Moto.ScanAsync(moto.Endpoint, "env-membership");
        Assert.Equal("env", Assert.Single(items)["ClusterId"].S);
    }
}
