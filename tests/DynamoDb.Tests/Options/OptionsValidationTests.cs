using ComplianceReport.DynamoDb.Hosting;
using ComplianceReport.DynamoDb.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.DynamoDb.Tests.Options;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("", "DynamoDb:Clustering:TableName is empty")]
    [InlineData("ab", "DynamoDb:Clustering:TableName 'ab' is not a valid DynamoDB table name")]
    [InlineData("my table", "DynamoDb:Clustering:TableName 'my table' is not a valid DynamoDB table name")]
    public void Bad_table_names_are_rejected_naming_the_key(string tableName, string expected)
    {
        var result = new DynamoDbTableOptionsValidator<DynamoDbClusteringOptions>()
            .Validate(Microsoft.Extensions.Options.Options.DefaultName, new DynamoDbClusteringOptions { TableName = tableName });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_url_and_credentials_are_checked()
    {
        var result = new DynamoDbTableOptionsValidator<DynamoDbRemindersOptions>().Validate(
            Microsoft.Extensions.Options.Options.DefaultName,
            new DynamoDbRemindersOptions { TableName = "cr-reminders", ServiceUrl = "localhost:8000", AccessKeyId = "key" });

        Assert.Contains("DynamoDb:Reminders:ServiceUrl 'localhost:8000' must be an absolute http or https URL", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DynamoDb:Reminders:AccessKeyId and DynamoDb:Reminders:SecretAccessKey must be given together", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_options_pass()
    {
        var names = DynamoDbTableNames.For("compliance");

        var result = new DynamoDbTableOptionsValidator<DynamoDbStorageOptions>().Validate(
            "Default",
            new DynamoDbStorageOptions { TableName = names.GrainState, ServiceUrl = "http://127.0.0.1:4566", Region = "eu-west-1" });

        Assert.True(result.Succeeded);
        Assert.Equal(new DynamoDbTableNames("compliance-membership", "compliance-grainstate", "compliance-reminders"), names);
    }

    [Fact]
    public async Task A_silo_with_an_empty_storage_table_name_fails_at_start_naming_the_provider_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering()
            .AddDynamoDbGrainStorage("accounts", o => o.TableName = " "));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("DynamoDb:Storage:accounts:TableName is empty", error.Message, StringComparison.Ordinal);
    }
}
