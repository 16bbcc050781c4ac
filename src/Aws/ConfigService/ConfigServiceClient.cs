using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.RateLimiting;

namespace ComplianceReport.Aws.ConfigService;

/// <summary>
/// Typed AWS Config operations over <see cref="AwsJsonClient"/>. Every call, page and batch waits
/// on <paramref name="pacer"/> (the reader's rate limiter) and tells it how AWS answered, so the
/// limiter learns the allowed rate.
/// </summary>
public sealed class ConfigServiceClient(AwsJsonClient client, IRequestPacer? pacer = null)
{
    /// <summary>GetComplianceDetailsByConfigRule's maximum page size.</summary>
    public const int MaxDetailsLimit = 100;

    /// <summary>BatchGetResourceConfig's maximum number of keys.</summary>
    public const int MaxBatchKeys = 100;

    /// <summary>DescribeConfigRules' and DescribeComplianceByConfigRule's maximum number of rule names.</summary>
    public const int MaxRuleNames = 25;

    public Task<IReadOnlyList<ConfigRule>> DescribeConfigRulesAsync(CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "DescribeConfigRules",
            (token, ct) => CallAsync<DescribeConfigRulesRequest, DescribeConfigRulesResponse>("DescribeConfigRules", new DescribeConfigRulesRequest(null, token), ct),
            page => page.NextToken,
            page => page.ConfigRules,
            cancellationToken);

    public Task<IReadOnlyList<ComplianceByConfigRule>> DescribeComplianceByConfigRuleAsync(CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "DescribeComplianceByConfigRule",
            (token, ct) => CallAsync<DescribeComplianceByConfigRuleRequest, DescribeComplianceByConfigRuleResponse>(
                "DescribeComplianceByConfigRule", new DescribeComplianceByConfigRuleRequest(null, null, token), ct),
            page => page.NextToken,
            page => page.ComplianceByConfigRules,
            cancellationToken);

    /// <summary>Every page of one rule's evaluation results of the given compliance types, 100 per page.</summary>
    public IAsyncEnumerable<GetComplianceDetailsByConfigRuleResponse> GetComplianceDetailsByConfigRulePagesAsync(
        string configRuleName,
        IReadOnlyList<string> complianceTypes,
        CancellationToken cancellationToken) =>
        AwsPaginator.PagesAsync(
            "GetComplianceDetailsByConfigRule",
            (token, ct) => CallAsync<GetComplianceDetailsByConfigRuleRequest, GetComplianceDetailsByConfigRuleResponse>(
                "GetComplianceDetailsByConfigRule",
                new GetComplianceDetailsByConfigRuleRequest(configRuleName, complianceTypes, MaxDetailsLimit, token),
                ct),
            page => page.NextToken,
            cancellationToken);

    public Task<BatchGetResourceConfigResponse> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count is 0 or > MaxBatchKeys)
        {
            throw new ArgumentOutOfRangeException(nameof(keys), keys.Count, $"BatchGetResourceConfig takes 1 to {MaxBatchKeys} keys.");
        }

        return CallAsync<BatchGetResourceConfigRequest, BatchGetResourceConfigResponse>(
            "BatchGetResourceConfig", new BatchGetResourceConfigRequest(keys), cancellationToken);
    }

    public async Task<IReadOnlyList<ConfigurationRecorderStatus>> DescribeConfigurationRecorderStatusAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync<EmptyRequest, DescribeConfigurationRecorderStatusResponse>(
            "DescribeConfigurationRecorderStatus", EmptyRequest.Instance, cancellationToken).ConfigureAwait(false);
        return response.ConfigurationRecordersStatus ?? [];
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken) =>
        PacedCalls.InvokeAsync<TRequest, TResponse>(client, pacer, operation, request, cancellationToken);
}
