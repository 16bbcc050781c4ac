using System.Net;
using Amazon.Runtime;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.ConfigService;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.Organizations;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Tests.Support;

namespace ComplianceReport.Aws.Tests.Client;

public sealed class AwsJsonClientTests
{
    private static AwsJsonClient Organizations(StubAwsServer server, AWSCredentials? credentials = null) =>
        new(credentials ?? TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Organizations, "us-east-1", server.Endpoint));

    private static AwsJsonClient Config(StubAwsServer server) =>
        new(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Config, "eu-west-1", server.Endpoint));

    [Fact]
    public async Task Throttling_twice_then_success_is_retried_by_the_sdk()
    {
        var calls = 0;
        await using var server = StubAwsServer.Start(_ => Interlocked.Increment(ref calls) <= 2
            ? StubResponse.Error(400, "ThrottlingException", "Rate exceeded")
            : StubResponse.Json(new { Roots = new[] { new { Id = "r-abcd", Name = "Root" } } }));
        using var client = Organizations(server);

        var roots = await new OrganizationsClient(client).ListRootsAsync(CancellationToken.None);

        Assert.Equal("r-abcd", Assert.Single(roots).Id);
        Assert.Equal(3, server.CountOf("ListRoots"));
    }

    [Fact]
    public async Task A_paced_call_retries_throttling_through_its_gate_and_counts_every_attempt()
    {
        var calls = 0;
        await using var server = StubAwsServer.Start(_ => Interlocked.Increment(ref calls) <= 2
            ? StubResponse.Error(400, "ThrottlingException", "Rate exceeded")
            : StubResponse.Json(new { ConfigurationRecordersStatus = Array.Empty<object>() }));
        using var client = Config(server);
        var limiter = new RequestRateLimiter(Microsoft.Extensions.Options.Options.Create(new ScanOptions { RequestsPerSecond = 100, RequestsBurst = 10 }), TimeProvider.System);
        var counters = new ComplianceReport.Compliance.Diagnostics.AwsCallCounters();
        ComplianceReport.Compliance.Diagnostics.AwsCallCounters.Current = counters;

        // No trace listener is registered here: the counts must not depend on spans.
        await new ConfigServiceClient(client, limiter.For("111111111111", "eu-west-1"))
            .DescribeConfigurationRecorderStatusAsync(CancellationToken.None);

        Assert.Equal(3, server.CountOf("DescribeConfigurationRecorderStatus"));

        // Every attempt went through the gate, which heard both throttling answers and the success.
        var paced = counters.Operations["DescribeConfigurationRecorderStatus"];
        Assert.Equal((3L, 2L), (paced.Answered, paced.Throttled));
        Assert.True(paced.PeakRate > 0);
        Assert.Equal((1L, 2L, 2L), (counters.Calls, counters.Retries, counters.Throttles));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_then_reported_with_status()
    {
        await using var server = StubAwsServer.Start(_ => new StubResponse(503, "<html>Service Unavailable</html>", "text/html"));
        using var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Config, "eu-west-1", server.Endpoint, MaxErrorRetry: 1));

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => new ConfigServiceClient(client).DescribeConfigurationRecorderStatusAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, server.CountOf("DescribeConfigurationRecorderStatus"));
    }

    [Fact]
    public async Task An_attempt_that_outlives_the_request_timeout_is_abandoned_and_retried()
    {
        var calls = 0;
        await using var server = StubAwsServer.Start(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                Thread.Sleep(TimeSpan.FromSeconds(8));
            }

            return StubResponse.Json(new { Roots = new[] { new { Id = "r-abcd", Name = "Root" } } });
        });

        // Generous next to a loopback answer, so that a loaded test machine does not time out the retry too.
        using var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(
            AwsJsonService.Organizations, "us-east-1", server.Endpoint, RequestTimeout: TimeSpan.FromSeconds(2)));

        var roots = await new OrganizationsClient(client).ListRootsAsync(CancellationToken.None);

        Assert.Equal("r-abcd", Assert.Single(roots).Id);
        // Two SDK attempts; under CI load the stub once also saw a third request arrive (a resend
        // below the SDK), so the count is bounded rather than exact.
        Assert.InRange(server.CountOf("ListRoots"), 2, 3);
    }

    [Fact]
    public async Task A_call_whose_every_attempt_times_out_names_the_operation_and_the_timeout()
    {
        await using var server = StubAwsServer.Start(_ =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(5));
            return StubResponse.Json(new { Roots = Array.Empty<object>() });
        });
        using var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(
            AwsJsonService.Organizations, "us-east-1", server.Endpoint, MaxErrorRetry: 1, RequestTimeout: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<AwsRequestTimeoutException>(
            () => new OrganizationsClient(client).ListRootsAsync(CancellationToken.None));

        Assert.Equal("ListRoots", error.Operation);
        Assert.Equal("Organizations ListRoots got no answer within 1 s (Aws:RequestTimeout) on its last of 2 attempts", error.Message);
        // Two SDK attempts; under CI load the stub once also saw a third request arrive (a resend
        // below the SDK), so the count is bounded rather than exact.
        Assert.InRange(server.CountOf("ListRoots"), 2, 3);
    }

    [Fact]
    public async Task Many_calls_failing_at_once_each_keep_their_own_retries()
    {
        // The SDK's default retry quota (500 tokens per endpoint, 14 per 5xx or timeout retry) would
        // refuse retries to most of these calls; each call must instead get its own MaxErrorRetry.
        const int Calls = 80;
        var attempts = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await using var server = StubAwsServer.Start(request =>
        {
            var call = request.Json.GetProperty("ParentId").GetString()!;
            return attempts.AddOrUpdate(call, 1, (_, n) => n + 1) <= 2
                ? new StubResponse(503, "<html>Service Unavailable</html>", "text/html")
                : StubResponse.Json(new { Accounts = Array.Empty<object>() });
        });
        using var client = Organizations(server);
        var organizations = new OrganizationsClient(client);

        await Task.WhenAll(Enumerable.Range(0, Calls).Select(i => organizations.ListAccountsForParentAsync($"ou-call-{i}", CancellationToken.None)));

        Assert.Equal(Calls, attempts.Count);
        Assert.All(attempts.Values, n => Assert.Equal(3, n));
    }

    [Fact]
    public async Task Access_denied_is_a_typed_error_with_code_status_and_request_id_and_is_not_retried()
    {
        await using var server = StubAwsServer.Start(_ =>
            StubResponse.Error(400, "AccessDeniedException", "You don't have permissions to access this resource.", "req-denied-42"));
        using var client = Organizations(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => new OrganizationsClient(client).ListAccountsAsync(CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.True(error.IsAccessDenied);
        Assert.Equal("req-denied-42", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("permissions", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.CountOf("ListAccounts"));
    }

    [Theory]
    [InlineData("{\"Roots\": [ {\"Id\": \"r-abcd\"")]
    [InlineData("<html>not json</html>")]
    [InlineData("")]
    [InlineData("{\"Roots\": \"not a list\"}")]
    public async Task Malformed_or_truncated_json_is_a_typed_error(string body)
    {
        await using var server = StubAwsServer.Start(_ => StubResponse.Raw(body));
        using var client = Organizations(server);

        var error = await Assert.ThrowsAsync<AwsMalformedResponseException>(
            () => new OrganizationsClient(client).ListRootsAsync(CancellationToken.None));

        Assert.Equal("ListRoots", error.Operation);
        Assert.Equal("Organizations", error.ServiceId);
    }

    [Fact]
    public async Task A_repeated_next_token_fails_instead_of_looping()
    {
        await using var server = StubAwsServer.Start(_ => StubResponse.Json(new { Accounts = Array.Empty<object>(), NextToken = "same-token" }));
        using var client = Organizations(server);

        var error = await Assert.ThrowsAsync<AwsPaginationException>(
            () => new OrganizationsClient(client).ListAccountsForParentAsync("r-abcd", CancellationToken.None));

        Assert.Equal("ListAccountsForParent", error.Operation);
        Assert.Equal(2 + AwsPaginator.MaxStuckPageRetries, server.CountOf("ListAccountsForParent"));
    }

    [Fact]
    public async Task Empty_pages_that_carry_a_token_are_followed_to_the_end()
    {
        await using var server = StubAwsServer.Start(request =>
        {
            var token = request.Json.TryGetProperty("NextToken", out var t) ? t.GetString() : null;
            return token switch
            {
                null => StubResponse.Json(new { Accounts = Array.Empty<object>(), NextToken = "t1" }),
                "t1" => StubResponse.Json(new { Accounts = Array.Empty<object>(), NextToken = "t2" }),
                "t2" => StubResponse.Json(new { Accounts = new[] { new { Id = "111111111111", Name = "a", Email = "a@example.com", Status = "ACTIVE" } }, NextToken = "t3" }),
                _ => StubResponse.Json(new { Accounts = new[] { new { Id = "222222222222", Name = "b", Email = "b@example.com", Status = "SUSPENDED" } } }),
            };
        });
        using var client = Organizations(server);

        var accounts = await new OrganizationsClient(client).ListAccountsAsync(CancellationToken.None);

        Assert.Equal(["111111111111", "222222222222"], accounts.Select(a => a.Id));
        Assert.Equal(4, server.CountOf("ListAccounts"));
    }

    [Fact]
    public async Task Requests_are_sigv4_signed_for_the_service_and_carry_the_session_token()
    {
        await using var server = StubAwsServer.Start(_ => StubResponse.Json(new { ConfigurationRecordersStatus = Array.Empty<object>() }));
        using var client = Config(server);
        using var organizations = Organizations(server, new SessionAWSCredentials("ASIAEXAMPLE", "secret", "session-token-1"));

        await new ConfigServiceClient(client).DescribeConfigurationRecorderStatusAsync(CancellationToken.None);
        await new OrganizationsClient(organizations).ListRootsAsync(CancellationToken.None);

        var config = server.Requests.Single(r => r.Operation == "DescribeConfigurationRecorderStatus");
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/", config.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/config/aws4_request", config.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("StarlingDoveService.DescribeConfigurationRecorderStatus", config.Target);
        Assert.Equal("application/x-amz-json-1.1", config.Header("Content-Type"));
        var org = server.Requests.Single(r => r.Operation == "ListRoots");
        Assert.Contains("/us-east-1/organizations/aws4_request", org.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("session-token-1", org.Header("X-Amz-Security-Token"));
    }

    [Fact]
    public void Endpoint_overrides_follow_the_sdk_convention()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://general:1",
            ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = "http://config:2",
        };
        string? Env(string name) => environment.TryGetValue(name, out var value) ? value : null;

        Assert.Equal("http://explicit:3", AwsEndpointOverrides.Resolve("http://explicit:3", "CONFIG_SERVICE", Env));
        Assert.Equal("http://config:2", AwsEndpointOverrides.Resolve(null, "CONFIG_SERVICE", Env));
        Assert.Equal("http://general:1", AwsEndpointOverrides.Resolve(null, "ORGANIZATIONS", Env));
        Assert.Null(AwsEndpointOverrides.Resolve(null, "ORGANIZATIONS", _ => null));
    }

    [Fact]
    public void Without_an_override_the_client_targets_the_public_regional_endpoint()
    {
        using var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Config, "eu-west-1", null, MaxErrorRetry: 0));
        var config = (ClientConfig)client.Config;

        var endpoint = config.DetermineServiceOperationEndpoint(new Amazon.Runtime.Endpoints.ServiceOperationEndpointParameters(new EmptyAmazonRequest()));

        Assert.Equal("https://config.eu-west-1.amazonaws.com", endpoint.URL);
    }

    private sealed class EmptyAmazonRequest : AmazonWebServiceRequest;
}
