using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.RateLimiting;

namespace ComplianceReport.Aws.ConfigService;

/// <summary>
/// Typed AWS Config aggregator operations over <see cref="AwsJsonClient"/>, all against one
/// aggregator (its account and region). Pacing hooks as in <see cref="ConfigServiceClient"/>.
/// </summary>
public sealed class ConfigAggregatorClient(
    AwsJsonClient client,
    string aggregatorName,
    IRequestPacer? pacer = null)
{
    /// <summary>Page size limit of SelectAggregateResourceConfig, DescribeConfigurationAggregatorSourcesStatus and GetAggregateComplianceDetailsByConfigRule.</summary>
    public const int MaxLimit = 100;

    /// <summary>DescribeAggregateComplianceByConfigRules' page size limit (GroupByAPILimit).</summary>
    public const int MaxGroupByLimit = 1000;

    /// <summary>BatchGetAggregateResourceConfig's maximum number of identifiers.</summary>
    public const int MaxBatchIdentifiers = 100;

    public string AggregatorName => aggregatorName;

    public Task<IReadOnlyList<AggregatedSourceStatus>> DescribeSourcesStatusAsync(CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "DescribeConfigurationAggregatorSourcesStatus",
            (token, ct) => CallAsync<DescribeConfigurationAggregatorSourcesStatusRequest, DescribeConfigurationAggregatorSourcesStatusResponse>(
                "DescribeConfigurationAggregatorSourcesStatus", new DescribeConfigurationAggregatorSourcesStatusRequest(aggregatorName, MaxLimit, token), ct),
            page => page.NextToken,
            page => page.AggregatedSourceStatusList,
            cancellationToken);

    public Task<IReadOnlyList<string>> SelectAsync(string expression, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "SelectAggregateResourceConfig",
            (token, ct) => CallAsync<SelectAggregateResourceConfigRequest, SelectAggregateResourceConfigResponse>(
                "SelectAggregateResourceConfig", new SelectAggregateResourceConfigRequest(expression, aggregatorName, MaxLimit, token), ct),
            page => page.NextToken,
            page => page.Results,
            cancellationToken);

    public Task<IReadOnlyList<AggregateComplianceByConfigRule>> DescribeComplianceByConfigRulesAsync(ConfigRuleComplianceFilters filters, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "DescribeAggregateComplianceByConfigRules",
            (token, ct) => CallAsync<DescribeAggregateComplianceByConfigRulesRequest, DescribeAggregateComplianceByConfigRulesResponse>(
                "DescribeAggregateComplianceByConfigRules", new DescribeAggregateComplianceByConfigRulesRequest(aggregatorName, filters, MaxGroupByLimit, token), ct),
            page => page.NextToken,
            page => page.AggregateComplianceByConfigRules,
            cancellationToken);

    public Task<IReadOnlyList<EvaluationResult>> GetComplianceDetailsByConfigRuleAsync(
        string configRuleName, string accountId, string region, string complianceType, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "GetAggregateComplianceDetailsByConfigRule",
            (token, ct) => CallAsync<GetAggregateComplianceDetailsByConfigRuleRequest, GetAggregateComplianceDetailsByConfigRuleResponse>(
                "GetAggregateComplianceDetailsByConfigRule",
                new GetAggregateComplianceDetailsByConfigRuleRequest(aggregatorName, configRuleName, accountId, region, complianceType, MaxLimit, token),
                ct),
            page => page.NextToken,
            page => page.AggregateEvaluationResults,
            cancellationToken);

    public Task<BatchGetAggregateResourceConfigResponse> BatchGetResourceConfigAsync(IReadOnlyList<AggregateResourceIdentifier> identifiers, CancellationToken cancellationToken)
    {
        if (identifiers.Count is 0 or > MaxBatchIdentifiers)
        {
            throw new ArgumentOutOfRangeException(nameof(identifiers), identifiers.Count, $"BatchGetAggregateResourceConfig takes 1 to {MaxBatchIdentifiers} identifiers.");
        }

        return CallAsync<BatchGetAggregateResourceConfigRequest, BatchGetAggregateResourceConfigResponse>(
            "BatchGetAggregateResourceConfig", new BatchGetAggregateResourceConfigRequest(aggregatorName, identifiers), cancellationToken);
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken) =>
        PacedCalls.InvokeAsync<TRequest, TResponse>(client, pacer, operation, request, cancellationToken);
}
