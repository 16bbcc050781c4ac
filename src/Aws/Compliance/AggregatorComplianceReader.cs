using System.Text.Json;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.ConfigService;
using ComplianceReport.Aws.Options;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Compliance;

/// <summary>
/// The Aggregator source: reads an account-region's compliance from the organization's AWS Config
/// aggregator through one role in the aggregator's account, so no role is needed in the accounts.
/// <para>
/// Calls, all against the aggregator's one account and region (so one rate limit for the whole
/// organization): DescribeConfigurationAggregatorSourcesStatus once per <see cref="SourcesMaxAge"/>
/// for the whole organization (a FAILED, OUTDATED or absent source makes that account-region an
/// error with the aggregator's own code and message, never a clean region); then per account, once
/// for all its regions (both regions' calls join one read): DescribeAggregateComplianceByConfigRules
/// filtered by account (rule compliance, up to 1,000 a page), SelectAggregateResourceConfig over
/// AWS::Config::ResourceCompliance filtered by account and NON_COMPLIANT (100 a page), and
/// BatchGetAggregateResourceConfig for names and tags (100 resources a call). That is about as many
/// pages as one organization-wide query would need (within a partial page per account) but keeps
/// reads per account, so a single-account rescan stays cheap and grains never wait on each other.
/// </para>
/// <para>
/// Facts relied on (botocore config 2014-11-12 model and AWS docs): a ResourceCompliance item's
/// <c>configuration</c> holds <c>targetResourceId</c>, <c>targetResourceType</c>, the resource's
/// overall <c>complianceType</c> and <c>configRuleList</c> (one element per rule:
/// <c>configRuleName</c>, <c>complianceType</c>, …). A condition on an array member matches when any
/// element matches, each condition on its own, so rule/compliance pairs are checked here, element by
/// element. Results are JSON documents in strings. Annotations are not part of ResourceCompliance:
/// they cost one GetAggregateComplianceDetailsByConfigRule chain per non-compliant rule and
/// account-region (<c>Organization:AggregatorAnnotations</c>, off by default).
/// </para>
/// </summary>
public sealed class AggregatorComplianceReader : IComplianceReader, IDisposable
{
    /// <summary>Source status is organization-wide: read once per run, not once per account.</summary>
    public static readonly TimeSpan SourcesMaxAge = TimeSpan.FromMinutes(5);

    private const int MaxLookupRounds = 5;

    private readonly AccountSessionFactory _sessions;
    private readonly AwsClientFactory _clients;
    private readonly RequestRateLimiter _limiter;
    private readonly OrganizationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AggregatorComplianceReader> _logger;
    private readonly StringPool _strings = new(StringPool.DefaultCapacity);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AccountRead> _reads = new(StringComparer.Ordinal);
    private AwsJsonClient? _client;
    private ConfigAggregatorClient? _aggregator;
    private (Task<Dictionary<(string Account, string Region), AggregatedSourceStatus>> Task, long StartedAt)? _sources;

    public AggregatorComplianceReader(
        AccountSessionFactory sessions,
        AwsClientFactory clients,
        RequestRateLimiter limiter,
        IOptions<OrganizationOptions> options,
        TimeProvider time,
        ILogger<AggregatorComplianceReader> logger)
    {
        _sessions = sessions;
        _clients = clients;
        _limiter = limiter;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    private string AggregatorAccountId => _options.AggregatorAccountId!;

    private string AggregatorRegion => _options.AggregatorRegion!;

    public async Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        // Outside the try: a denied aggregator role propagates as ScanFailedException, as a denied read role does.
        var session = _sessions.CreateAggregatorSession();
        await session.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var aggregator = Aggregator(session);
        try
        {
            var sources = await SourcesAsync(aggregator, cancellationToken).ConfigureAwait(false);
            if (SourceProblem(sources, accountId, region) is { } problem)
            {
                return Failed(accountId, region, problem, null);
            }

            var regions = _options.Regions.Where(r => SourceProblem(sources, accountId, r) is null);
            var data = await AccountAsync(aggregator, accountId, region, regions, cancellationToken).ConfigureAwait(false);
            return data.Slice(region);
        }
        catch (Exception ex) when (ConfigReadErrors.Describe(ex, cancellationToken) is { } error)
        {
            return Failed(accountId, region, error, ex);
        }
    }

    public void Dispose() => _client?.Dispose();

    private ConfigAggregatorClient Aggregator(AccountSession session)
    {
        lock (_lock)
        {
            if (_aggregator is null)
            {
                // One client for the process: the session's credentials refresh themselves before expiry.
                _client = _clients.CreateConfig(session.Credentials, AggregatorRegion);
                _aggregator = new ConfigAggregatorClient(
                    _client,
                    _options.AggregatorName!,
                    _limiter.For(AggregatorAccountId, AggregatorRegion));
            }

            return _aggregator;
        }
    }

    private Task<Dictionary<(string Account, string Region), AggregatedSourceStatus>> SourcesAsync(ConfigAggregatorClient aggregator, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_sources is { } cached && !cached.Task.IsFaulted && !cached.Task.IsCanceled && _time.GetElapsedTime(cached.StartedAt) < SourcesMaxAge)
            {
                return cached.Task;
            }

            var task = ReadSourcesAsync(aggregator, cancellationToken);
            _sources = (task, _time.GetTimestamp());
            return task;
        }
    }

    private static async Task<Dictionary<(string Account, string Region), AggregatedSourceStatus>> ReadSourcesAsync(ConfigAggregatorClient aggregator, CancellationToken cancellationToken)
    {
        var statuses = await aggregator.DescribeSourcesStatusAsync(cancellationToken).ConfigureAwait(false);
        var index = new Dictionary<(string, string), AggregatedSourceStatus>();
        foreach (var status in statuses)
        {
            if (status.SourceId is { } account && status.AwsRegion is { } region)
            {
                index[(account, region)] = status;
            }
        }

        return index;
    }

    private ScanError? SourceProblem(Dictionary<(string Account, string Region), AggregatedSourceStatus> sources, string accountId, string region)
    {
        var name = _options.AggregatorName;
        if (!sources.TryGetValue((accountId, region), out var source))
        {
            return new ScanError(
                ScanErrorKind.AwsError,
                $"the Config aggregator {name} has no source for this account in {region}: the account is not in the aggregator or the region is not aggregated",
                "SourceNotAggregated");
        }

        var detail = source.LastErrorCode is null ? string.Empty : $": {source.LastErrorCode}: {source.LastErrorMessage}";
        var updated = source.LastUpdateTime is { } at ? $" (last update {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)" : string.Empty;
        return source.LastUpdateStatus switch
        {
            "SUCCEEDED" => null,
            "FAILED" => new ScanError(ScanErrorKind.AwsError, $"the Config aggregator {name} reports this source FAILED{detail}{updated}", source.LastErrorCode ?? "FAILED"),
            "OUTDATED" => new ScanError(ScanErrorKind.AwsError, $"the Config aggregator {name} reports this source OUTDATED{detail}{updated}", source.LastErrorCode ?? "OUTDATED"),
            _ => new ScanError(ScanErrorKind.MalformedResponse, $"the Config aggregator {name} reports an unknown source status '{source.LastUpdateStatus}' for {region}"),
        };
    }

    /// <summary>
    /// One read per account serves all its regions: the first region asks, the others claim it.
    /// A region that was already claimed starts a new read, so a later rescan sees fresh data.
    /// </summary>
    private Task<AccountData> AccountAsync(ConfigAggregatorClient aggregator, string accountId, string region, IEnumerable<string> readable, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_reads.TryGetValue(accountId, out var shared) && shared.Unclaimed.Remove(region))
            {
                if (shared.Unclaimed.Count == 0)
                {
                    _reads.Remove(accountId);
                }

                return shared.Data;
            }

            var read = new AccountRead(ReadAccountAsync(aggregator, accountId, cancellationToken), readable.Where(r => r != region));
            if (read.Unclaimed.Count == 0)
            {
                _reads.Remove(accountId);
            }
            else
            {
                _reads[accountId] = read;
            }

            return read.Data;
        }
    }

    private async Task<AccountData> ReadAccountAsync(ConfigAggregatorClient aggregator, string accountId, CancellationToken cancellationToken)
    {
        // Only a validated 12-digit id goes into the expression.
        if (accountId.Length != 12 || !accountId.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{accountId}' is not a 12-digit account id.", nameof(accountId));
        }

        await Task.Yield();
        var started = _time.GetTimestamp();
        var rulesTask = aggregator.DescribeComplianceByConfigRulesAsync(new ConfigRuleComplianceFilters(null, null, accountId, null), cancellationToken);
        var resultsTask = aggregator.SelectAsync(NonCompliantExpression(accountId), cancellationToken);
        var rules = await rulesTask.ConfigureAwait(false);
        var results = await resultsTask.ConfigureAwait(false);

        var evaluations = new List<(string Region, string Rule, string Type, string Id, DateTimeOffset? At)>();
        foreach (var result in results)
        {
            ReadResult(result, evaluations);
        }

        var details = await LookupAsync(aggregator, accountId, evaluations.Select(e => (e.Region, e.Type, e.Id)).Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        var annotations = _options.AggregatorAnnotations
            ? await AnnotationsAsync(aggregator, accountId, evaluations, cancellationToken).ConfigureAwait(false)
            : null;
        var collectedAt = _time.GetUtcNow();
        var data = new AccountData(accountId, collectedAt, _options.AggregatorName!);
        foreach (var rule in rules.Where(r => !string.IsNullOrEmpty(r.ConfigRuleName) && r.AwsRegion is not null))
        {
            // SourceIdentifier stays null: the aggregator API (botocore config 2014-11-12) has no
            // DescribeConfigRules twin and AggregateComplianceByConfigRule carries only the rule's
            // name, so severities of aggregated rules resolve by rule name.
            data.Rules(rule.AwsRegion!).Add(ConfigComplianceReader.ToRule(rule.ConfigRuleName!, rule.Compliance, _strings));
        }

        foreach (var e in evaluations.DistinctBy(e => (e.Region, e.Rule, e.Type, e.Id)))
        {
            var found = details.GetValueOrDefault((e.Region, e.Type, e.Id)) ?? ResourceDetails.None;
            var annotation = annotations?.GetValueOrDefault((e.Region, e.Rule, e.Type, e.Id));
            data.Findings(e.Region).Add(new ResourceEvaluation(
                _strings.Share(e.Rule),
                _strings.Share(e.Type),
                e.Id,
                ComplianceType.NonCompliant,
                _strings.Share(annotation?.Annotation),
                annotation?.ResultRecordedTime ?? e.At ?? collectedAt,
                found.Name,
                found.Tags));
        }

        Log.AggregatorAccountRead(_logger, accountId, rules.Count, evaluations.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        return data;
    }

    private static string NonCompliantExpression(string accountId) =>
        "SELECT accountId, awsRegion, configuration.targetResourceId, configuration.targetResourceType, configuration.complianceType, " +
        "configuration.configRuleList, configurationItemCaptureTime " +
        $"WHERE resourceType = 'AWS::Config::ResourceCompliance' AND configuration.complianceType = 'NON_COMPLIANT' AND accountId = '{accountId}'";

    /// <summary>One ResourceCompliance result: a pair per rule whose own complianceType is NON_COMPLIANT.</summary>
    private static void ReadResult(string result, List<(string Region, string Rule, string Type, string Id, DateTimeOffset? At)> evaluations)
    {
        using var document = JsonDocument.Parse(result);
        var root = document.RootElement;
        var configuration = root.GetProperty("configuration");
        var region = root.GetProperty("awsRegion").GetString()!;
        var type = configuration.GetProperty("targetResourceType").GetString()!;
        var id = configuration.GetProperty("targetResourceId").GetString()!;
        DateTimeOffset? at = root.TryGetProperty("configurationItemCaptureTime", out var captured) && captured.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(captured.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        if (!configuration.TryGetProperty("configRuleList", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var rule in list.EnumerateArray())
        {
            if (rule.TryGetProperty("complianceType", out var compliance) && compliance.GetString() == "NON_COMPLIANT"
                && rule.TryGetProperty("configRuleName", out var name) && name.GetString() is { Length: > 0 } ruleName)
            {
                evaluations.Add((region, ruleName, type, id, at));
            }
        }
    }

    private async Task<Dictionary<(string Region, string Type, string Id), ResourceDetails>> LookupAsync(
        ConfigAggregatorClient aggregator,
        string accountId,
        IReadOnlyList<(string Region, string Type, string Id)> resources,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<(string, string, string), ResourceDetails>();
        var batches = resources.Chunk(ConfigAggregatorClient.MaxBatchIdentifiers)
            .Select(batch => LookupBatchAsync(aggregator, accountId, batch.Select(r => new AggregateResourceIdentifier(accountId, r.Region, r.Id, r.Type)).ToList(), cancellationToken));
        foreach (var items in await Task.WhenAll(batches).ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                if (item.AwsRegion is { } region && item.ResourceType is { } type && item.ResourceId is { } id)
                {
                    found[(region, type, id)] = ResourceDetails.From(item);
                }
            }
        }

        return found;
    }

    private async Task<List<BaseConfigurationItem>> LookupBatchAsync(
        ConfigAggregatorClient aggregator,
        string accountId,
        IReadOnlyList<AggregateResourceIdentifier> batch,
        CancellationToken cancellationToken)
    {
        var items = new List<BaseConfigurationItem>();
        var remaining = batch;
        for (var round = 0; round < MaxLookupRounds && remaining.Count > 0; round++)
        {
            BatchGetAggregateResourceConfigResponse response;
            try
            {
                response = await aggregator.BatchGetResourceConfigAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "ValidationException" || ex.IsAccessDenied)
            {
                // Names and tags enrich findings; a resource the aggregator cannot look up must not lose them.
                Log.ResourceLookupFailed(_logger, remaining.Count, accountId, AggregatorRegion, ex.ErrorCode);
                return items;
            }

            items.AddRange(response.BaseConfigurationItems ?? []);
            remaining = response.UnprocessedResourceIdentifiers ?? [];
        }

        if (remaining.Count > 0)
        {
            Log.ResourceLookupFailed(_logger, remaining.Count, accountId, AggregatorRegion, "UnprocessedResourceIdentifiers");
        }

        return items;
    }

    private static async Task<Dictionary<(string Region, string Rule, string Type, string Id), EvaluationResult>> AnnotationsAsync(
        ConfigAggregatorClient aggregator,
        string accountId,
        IReadOnlyList<(string Region, string Rule, string Type, string Id, DateTimeOffset? At)> evaluations,
        CancellationToken cancellationToken)
    {
        var chains = evaluations.Select(e => (e.Region, e.Rule)).Distinct()
            .Select(async pair => (pair.Region, Results: await aggregator.GetComplianceDetailsByConfigRuleAsync(pair.Rule, accountId, pair.Region, "NON_COMPLIANT", cancellationToken).ConfigureAwait(false)));
        var found = new Dictionary<(string, string, string, string), EvaluationResult>();
        foreach (var (region, results) in await Task.WhenAll(chains).ConfigureAwait(false))
        {
            foreach (var result in results)
            {
                if (result.EvaluationResultIdentifier?.EvaluationResultQualifier is { ConfigRuleName: { } rule, ResourceType: { } type, ResourceId: { } id })
                {
                    found[(region, rule, type, id)] = result;
                }
            }
        }

        return found;
    }

    private RegionSnapshot Failed(string accountId, string region, ScanError error, Exception? exception)
    {
        Log.RegionFailed(_logger, accountId, region, error.Kind.ToString(), error.Code, error.Message, exception);
        return new RegionSnapshot(accountId, region, RegionScanStatus.Failed, error, [], [], _time.GetUtcNow());
    }

    private sealed class AccountRead(Task<AccountData> data, IEnumerable<string> unclaimed)
    {
        public Task<AccountData> Data { get; } = data;

        public HashSet<string> Unclaimed { get; } = new(unclaimed, StringComparer.Ordinal);
    }
}
