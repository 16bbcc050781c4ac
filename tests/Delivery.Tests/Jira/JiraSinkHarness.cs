using System.Text;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Delivery.Jira;
using ComplianceReport.Delivery.Tests.Support;
using ComplianceReport.JiraListener;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ComplianceReport.Delivery.Tests.Jira;

/// <summary>A Jira sink wired to a <see cref="FakeJira"/>, an instant clock and a capturing logger.</summary>
public sealed class JiraSinkHarness : IAsyncDisposable
{
    public const string Email = "secops-bot@example.com";
    public const string Token = "ATATT3xFfGF0-secret-token-value-42";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _http;

    /// <param name="realTime">Run the sink on the real clock (waits take their time) instead of the instant one.</param>
    public JiraSinkHarness(int apiVersion = 3, Action<JiraOptions>? configure = null, bool realTime = false)
    {
        var authorization = apiVersion == 3
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}"))
            : "Bearer " + Token;
        Fake = new FakeJira(apiVersion, authorization);
        Options = new JiraOptions
        {
            BaseUrl = Fake.BaseUrl,
            ProjectKey = Fake.ProjectKey,
            Email = apiVersion == 3 ? Email : string.Empty,
            ApiToken = Token,
            ApiVersion = apiVersion,
        };
        configure?.Invoke(Options);

        // The pipelines the service registers: retries on the test's instant clock, the attempt timeout on real time.
        var retry = new ResiliencePipelineBuilder<HttpResponseMessage>();
        JiraResilience.AddRetryAndCircuitBreaker(retry, Options, realTime ? TimeProvider.System : Time, Logger);
        var attempt = new ResiliencePipelineBuilder<HttpResponseMessage>();
        JiraResilience.AddAttemptTimeout(attempt, Options);
        _http = new HttpClient(new ResilienceHandler(retry.Build()) { InnerHandler = new ResilienceHandler(attempt.Build()) { InnerHandler = new SocketsHttpHandler() } })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        Sink = new JiraReportSink(_http, Microsoft.Extensions.Options.Options.Create(Options), Memory, realTime ? TimeProvider.System : Time, Logger);
    }

    public FakeJira Fake { get; }

    public JiraOptions Options { get; }

    public JiraIssueMemory Memory { get; } = new();

    public InstantTimeProvider Time { get; } = new(Now);

    public CapturingLogger<JiraReportSink> Logger { get; } = new();

    public JiraReportSink Sink { get; }

    public TestArtifacts Files { get; } = new();

    /// <summary>The run's journal, kept between deliveries as the run's state would be.</summary>
    public MemoryJournal Journal { get; } = new();

    public static DeliveryResult S3Result(string key = "reports/2026/2026-W48/compliance-report-2026-W48.xlsx") =>
        new("s3", true, $"s3://sec-reports/{key}", $"https://sec-reports.s3.eu-west-1.amazonaws.com/{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc", null);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        Files.Dispose();
        await Fake.DisposeAsync();
    }
}
