using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.ConfigService;
using ComplianceReport.Aws.RateLimiting;
using ComplianceReport.Aws.Sessions;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Logging;

namespace ComplianceReport.Aws.Compliance;

/// <summary>
/// The AssumeRole source: reads one account and region of AWS Config with the account's read role
/// (from the in-memory <see cref="AccountSessionFactory"/> cache): recorder status, every rule's compliance, every
/// NON_COMPLIANT evaluation, and the names and tags of those resources.
/// Speed: the NON_COMPLIANT rules are read concurrently and resource lookups start as soon as 100
/// keys are known, so the region takes about as long as its longest same-operation chain under
/// the per-account, region and operation rate limit, not the sum of all calls.
/// </summary>
public sealed class ConfigComplianceReader(
    AccountSessionFactory sessions,
    AwsClientFactory clients,
    RequestRateLimiter limiter,
    TimeProvider time,
    ILogger<ConfigComplianceReader> logger) : IComplianceReader
{
    /// <summary>Rounds of re-asking for UnprocessedResourceKeys before a resource goes without name and tags.</summary>
    private const int MaxLookupRounds = 5;

    private static readonly string[] NonCompliantOnly = ["NON_COMPLIANT"];

    private readonly StringPool _strings = new(StringPool.DefaultCapacity);

    public async Task<RegionSnapshot> ReadRegionAsync(string accountId, string region, CancellationToken cancellationToken)
    {
        var account = sessions.Create(accountId);

        // Outside the try: a denied role concerns the whole account and propagates as ScanFailedException.
        await account.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        using var client = clients.CreateConfig(account.Credentials, region);
        var config = new ConfigServiceClient(client, limiter.For(account.AccountId, region));
        try
        {
            var recorders = await config.DescribeConfigurationRecorderStatusAsync(cancellationToken).ConfigureAwait(false);
            if (!recorders.Any(r => r.Recording == true))
            {
                return NotEnabled(account.AccountId, region);
            }

            // Both chains run at once: they are different operations, so neither waits on the other's rate.
            var complianceTask = config.DescribeComplianceByConfigRuleAsync(cancellationToken);
            var identifiersTask = ReadIdentifiersAsync(config, account.AccountId, region, cancellationToken);
            await Task.WhenAll(complianceTask, identifiersTask).ConfigureAwait(false);
            var identifiers = await identifiersTask.ConfigureAwait(false);
            var rules = (await complianceTask.ConfigureAwait(false))
                .Where(r => !string.IsNullOrEmpty(r.ConfigRuleName))
                .DistinctBy(r => r.ConfigRuleName, StringComparer.Ordinal)
                .Select(rule => ToRule(rule.ConfigRuleName!, rule.Compliance, _strings) with
                {
                    SourceIdentifier = identifiers.GetValueOrDefault(rule.ConfigRuleName!),
                })
                .OrderBy(r => r.RuleName, StringComparer.Ordinal)
                .ToList();
            var nonCompliantRules = rules.Where(r => r.Compliance == ComplianceType.NonCompliant).Select(r => r.RuleName).ToList();
            var findings = await ReadNonCompliantAsync(config, account.AccountId, region, nonCompliantRules, cancellationToken).ConfigureAwait(false);
            Log.RegionRead(logger, account.AccountId, region, rules.Count, findings.Count, (long)time.GetElapsedTime(started).TotalMilliseconds);
            return new RegionSnapshot(account.AccountId, region, RegionScanStatus.Scanned, null, rules, findings, time.GetUtcNow());
        }
        catch (AwsServiceException ex) when (ex.ErrorCode is "NoSuchConfigurationRecorderException" or "NoAvailableConfigurationRecorderException")
        {
            return NotEnabled(account.AccountId, region);
        }
        catch (Exception ex) when (ConfigReadErrors.Describe(ex, cancellationToken) is { } error)
        {
            return Failed(account.AccountId, region, error, ex);
        }
    }

    /// <summary>
    /// Each AWS managed rule's <c>Source.SourceIdentifier</c> (DescribeConfigRules), by rule name;
    /// custom rules (owner CUSTOM_LAMBDA or CUSTOM_POLICY) carry a Lambda ARN or nothing there, so
    /// they are left out and rated by name.
    /// </summary>
    private async Task<Dictionary<string, string>> ReadIdentifiersAsync(ConfigServiceClient config, string accountId, string region, CancellationToken cancellationToken)
    {
        try
        {
            var rules = await config.DescribeConfigRulesAsync(cancellationToken).ConfigureAwait(false);
            var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                if (rule.ConfigRuleName is { Length: > 0 } name && rule.Source is { Owner: "AWS", SourceIdentifier: { Length: > 0 } identifier })
                {
                    identifiers[name] = _strings.Share(identifier)!;
                }
            }

            return identifiers;
        }
        catch (AwsServiceException ex) when (ex.IsAccessDenied)
        {
            // The identifier only refines severity; a role without config:DescribeConfigRules still reports compliance.
            Log.RuleIdentifiersUnavailable(logger, accountId, region, ex.ErrorCode);
            return [];
        }
    }

    private async Task<IReadOnlyList<ResourceEvaluation>> ReadNonCompliantAsync(
        ConfigServiceClient config,
        string accountId,
        string region,
        IReadOnlyList<string> ruleNames,
        CancellationToken cancellationToken)
    {
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var evaluations = new ConcurrentDictionary<(string Rule, string Type, string Id), EvaluationResult>();
        var resources = new ConcurrentDictionary<ResourceKey, ResourceDetails>();
        var knownKeys = new ConcurrentDictionary<ResourceKey, byte>();
        var keys = Channel.CreateUnbounded<ResourceKey>(new UnboundedChannelOptions { SingleReader = true });
        Exception? firstError = null;

        // One failure fails the region: the first one is kept and the other calls are cancelled rather than paid for.
        async Task GuardAsync(Func<Task> work)
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (failFast.IsCancellationRequested)
            {
                // Cancelled because another call failed, or because the caller cancelled: decided below.
            }
            catch (Exception ex)
            {
                Interlocked.CompareExchange(ref firstError, ex, null);
                await failFast.CancelAsync().ConfigureAwait(false);
            }
        }

        var lookups = GuardAsync(() => LookupAsync(config, accountId, region, keys.Reader, resources, failFast.Token));
        await Task.WhenAll(ruleNames.Select(rule => GuardAsync(() => ReadRuleAsync(rule)))).ConfigureAwait(false);
        keys.Writer.TryComplete();
        await lookups.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (firstError is not null)
        {
            ExceptionDispatchInfo.Throw(firstError);
        }

        return evaluations
            .Select(pair =>
            {
                var key = new ResourceKey(pair.Key.Type, pair.Key.Id);
                var details = resources.TryGetValue(key, out var found) ? found : ResourceDetails.None;
                var result = pair.Value;
                var identifier = result.EvaluationResultIdentifier;
                return new ResourceEvaluation(
                    pair.Key.Rule,
                    _strings.Share(pair.Key.Type),
                    pair.Key.Id,
                    ComplianceType.NonCompliant,
                    _strings.Share(result.Annotation),
                    result.ResultRecordedTime ?? result.ConfigRuleInvokedTime ?? identifier?.OrderingTimestamp ?? time.GetUtcNow(),
                    details.Name,
                    details.Tags);
            })
            .OrderBy(e => e.RuleName, StringComparer.Ordinal)
            .ThenBy(e => e.ResourceType, StringComparer.Ordinal)
            .ThenBy(e => e.ResourceId, StringComparer.Ordinal)
            .ToList();

        async Task ReadRuleAsync(string rule)
        {
            var count = 0;
            await foreach (var page in config.GetComplianceDetailsByConfigRulePagesAsync(rule, NonCompliantOnly, failFast.Token).ConfigureAwait(false))
            {
                foreach (var result in page.EvaluationResults ?? [])
                {
                    var qualifier = result.EvaluationResultIdentifier?.EvaluationResultQualifier;
                    if (result.ComplianceType != "NON_COMPLIANT" || qualifier?.ResourceType is not { } type || qualifier.ResourceId is not { } id)
                    {
                        continue;
                    }

                    // Exactly once per rule and resource; Config may report one per evaluation mode.
                    evaluations.AddOrUpdate(
                        (rule, type, id),
                        result,
                        (_, existing) => (result.ResultRecordedTime ?? DateTimeOffset.MinValue) > (existing.ResultRecordedTime ?? DateTimeOffset.MinValue) ? result : existing);
                    count++;
                    var key = new ResourceKey(type, id);
                    if (knownKeys.TryAdd(key, 0))
                    {
                        keys.Writer.TryWrite(key);
                    }
                }
            }

            Log.RuleRead(logger, rule, accountId, region, count);
        }
    }

    /// <summary>Looks resources up 100 at a time while the rules are still being read; the remainder goes last.</summary>
    private async Task LookupAsync(
        ConfigServiceClient config,
        string accountId,
        string region,
        ChannelReader<ResourceKey> keys,
        ConcurrentDictionary<ResourceKey, ResourceDetails> resources,
        CancellationToken cancellationToken)
    {
        var batches = new List<Task>();
        var pending = new List<ResourceKey>(ConfigServiceClient.MaxBatchKeys);
        await foreach (var key in keys.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            pending.Add(key);
            if (pending.Count == ConfigServiceClient.MaxBatchKeys)
            {
                batches.Add(LookupBatchAsync(config, accountId, region, pending.ToArray(), resources, cancellationToken));
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            batches.Add(LookupBatchAsync(config, accountId, region, pending.ToArray(), resources, cancellationToken));
        }

        await Task.WhenAll(batches).ConfigureAwait(false);
    }

    private async Task LookupBatchAsync(
        ConfigServiceClient config,
        string accountId,
        string region,
        IReadOnlyList<ResourceKey> batch,
        ConcurrentDictionary<ResourceKey, ResourceDetails> resources,
        CancellationToken cancellationToken)
    {
        var remaining = batch;
        for (var round = 0; round < MaxLookupRounds && remaining.Count > 0; round++)
        {
            BatchGetResourceConfigResponse response;
            try
            {
                response = await config.BatchGetResourceConfigAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex) when (ex.ErrorCode is "ValidationException" || ex.IsAccessDenied)
            {
                // Names and tags enrich findings; a resource type Config cannot look up must not lose them.
                Log.ResourceLookupFailed(logger, remaining.Count, accountId, region, ex.ErrorCode);
                return;
            }

            foreach (var item in response.BaseConfigurationItems ?? [])
            {
                if (item.ResourceType is { } type && item.ResourceId is { } id)
                {
                    resources[new ResourceKey(type, id)] = ResourceDetails.From(item);
                }
            }

            remaining = response.UnprocessedResourceKeys ?? [];
        }

        if (remaining.Count > 0)
        {
            Log.ResourceLookupFailed(logger, remaining.Count, accountId, region, "UnprocessedResourceKeys");
        }
    }

    private RegionSnapshot NotEnabled(string accountId, string region)
    {
        Log.ConfigNotEnabled(logger, accountId, region);
        return new RegionSnapshot(
            accountId,
            region,
            RegionScanStatus.ConfigNotEnabled,
            new ScanError(ScanErrorKind.ConfigNotEnabled, $"no AWS Config recorder is recording in {region}"),
            [],
            [],
            time.GetUtcNow());
    }

    private RegionSnapshot Failed(string accountId, string region, ScanError error, Exception exception)
    {
        Log.RegionFailed(logger, accountId, region, error.Kind.ToString(), error.Code, error.Message, exception);
        return new RegionSnapshot(accountId, region, RegionScanStatus.Failed, error, [], [], time.GetUtcNow());
    }

    /// <summary>A rule's compliance as Config states it (DescribeComplianceByConfigRule or its aggregate twin).</summary>
    internal static RuleCompliance ToRule(string ruleName, ConfigCompliance? ruleCompliance, StringPool strings)
    {
        var compliance = ruleCompliance?.ComplianceType switch
        {
            "COMPLIANT" => ComplianceType.Compliant,
            "NON_COMPLIANT" => ComplianceType.NonCompliant,
            "NOT_APPLICABLE" => ComplianceType.NotApplicable,
            _ => ComplianceType.InsufficientData,
        };
        var count = compliance == ComplianceType.NonCompliant ? ruleCompliance?.ComplianceContributorCount?.CappedCount : null;
        return new RuleCompliance(strings.Share(ruleName), compliance, count);
    }
}
