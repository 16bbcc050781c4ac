using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.ConfigService;
using ComplianceReport.Aws.Organizations;
using ComplianceReport.Aws.Tests.Compliance;
using ComplianceReport.Aws.Tests.Support;

namespace ComplianceReport.Aws.Tests.Contract;

/// <summary>
/// Every request the adapter can send, recorded on the wire and checked against the botocore
/// models in shared/aws-models: the operation exists, X-Amz-Target is targetPrefix.Operation,
/// required members are present, no unknown members, and min/max/enum/pattern limits hold
/// (Limit ≤ 100, MaxResults ≤ 20, at most 100 resource keys).
/// </summary>
public sealed class RequestContractTests
{
    private static readonly ServiceModel OrganizationsModel = ServiceModel.Load("organizations", "2016-11-28");
    private static readonly ServiceModel ConfigModel = ServiceModel.Load("config", "2014-11-12");

    [Fact]
    public async Task Every_organizations_request_fits_the_model()
    {
        await using var server = StubAwsServer.Start(request =>
        {
            // A token on first pages, so the follow-up requests (with NextToken) are checked too.
            var first = !request.Json.TryGetProperty("NextToken", out _);
            return request.Operation == "DescribeOrganization"
                ? StubResponse.Json(new { Organization = new { Id = "o-abcdefghij", MasterAccountId = "123456789012" } })
                : StubResponse.Json(new { NextToken = first ? "page-2" : null });
        });
        using var json = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Organizations, "us-east-1", server.Endpoint));
        var client = new OrganizationsClient(json);

        await client.ListRootsAsync(CancellationToken.None);
        await client.ListOrganizationalUnitsForParentAsync("r-abcd", CancellationToken.None);
        await client.ListAccountsForParentAsync("ou-abcd-12345678", CancellationToken.None);
        await client.ListAccountsAsync(CancellationToken.None);
        await client.DescribeOrganizationAsync(CancellationToken.None);

        Assert.Equal(
            ["DescribeOrganization", "ListAccounts", "ListAccountsForParent", "ListOrganizationalUnitsForParent", "ListRoots"],
            server.Requests.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(9, server.Requests.Count);
        Assert.All(server.Requests, request => Assert.Empty(OrganizationsModel.Check(request, "us-east-1")));
    }

    [Fact]
    public async Task Every_config_request_fits_the_model()
    {
        var config = ConfigComplianceReaderTests.Scenario();
        await using var harness = new ReaderHarness(config);
        await harness.Reader.ReadRegionAsync("111111111111", "eu-west-1", CancellationToken.None);
        using var json = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Config, "eu-west-1", harness.Server.Endpoint));
        var client = new ConfigServiceClient(json);
        await client.DescribeConfigRulesAsync(CancellationToken.None);
        await client.BatchGetResourceConfigAsync(
            Enumerable.Range(0, ConfigServiceClient.MaxBatchKeys).Select(i => new ResourceKey("AWS::S3::Bucket", $"bucket-{i}")).ToList(),
            CancellationToken.None);

        var configRequests = harness.Server.Requests.Where(r => r.Target is not null).ToList();
        Assert.Equal(
            ["BatchGetResourceConfig", "DescribeComplianceByConfigRule", "DescribeConfigRules", "DescribeConfigurationRecorderStatus", "GetComplianceDetailsByConfigRule"],
            configRequests.Select(r => r.Operation).Distinct().Order(StringComparer.Ordinal));
        Assert.All(configRequests, request => Assert.Empty(ConfigModel.Check(request, "eu-west-1")));
    }

    [Fact]
    public async Task The_client_refuses_batches_the_model_forbids()
    {
        await using var server = StubAwsServer.Start(_ => StubResponse.Json(new { }));
        using var json = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Config, "eu-west-1", server.Endpoint));
        var client = new ConfigServiceClient(json);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.BatchGetResourceConfigAsync([], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.BatchGetResourceConfigAsync(
            Enumerable.Range(0, 101).Select(i => new ResourceKey("AWS::S3::Bucket", $"b-{i}")).ToList(), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_model_check_catches_requests_that_do_not_fit()
    {
        var headers = new Dictionary<string, string>
        {
            ["X-Amz-Target"] = "StarlingDoveService.GetComplianceDetailsByConfigRule",
            ["Content-Type"] = "application/x-amz-json-1.1",
            ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKID/20261128/eu-west-1/config/aws4_request, SignedHeaders=host, Signature=00",
        };
        var tooLarge = new StubRequest("POST", "/", headers, """{"Limit": 101, "ComplianceTypes": ["BROKEN"], "Unknown": 1}""");
        var wrongTarget = new StubRequest("POST", "/", new Dictionary<string, string>(headers) { ["X-Amz-Target"] = "StarlingDoveService.ListEverything" }, "{}");

        var errors = ConfigModel.Check(tooLarge, "eu-west-1");

        Assert.Contains(errors, e => e.Contains("ConfigRuleName: required member missing", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("above the model's max 100", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'BROKEN' is not one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Unknown: not a member", StringComparison.Ordinal));
        Assert.Contains(ConfigModel.Check(wrongTarget, "eu-west-1"), e => e.Contains("not in the model", StringComparison.Ordinal));
        Assert.Contains(ConfigModel.Check(tooLarge, "us-east-1"), e => e.Contains("not SigV4-signed", StringComparison.Ordinal));
    }
}
