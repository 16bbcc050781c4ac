using System.Globalization;
using System.Text.Json;

namespace ComplianceReport.Aws.Tests.Support;

/// <summary>
/// A scripted AWS Config for the stub server: rules, NON_COMPLIANT evaluations paged by the
/// request's Limit, resource items with names and tags, and the first batch lookup leaving its
/// last key unprocessed.
/// </summary>
public sealed class FakeConfigService
{
    private int _batchCalls;

    public bool Recording { get; init; } = true;

    /// <summary>Rule name to compliance type (wire value).</summary>
    public Dictionary<string, string> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>Rule name to its evaluations: (resource type, resource id, annotation, evaluation mode).</summary>
    public Dictionary<string, List<(string Type, string Id, string Annotation, string Mode)>> Evaluations { get; } = new(StringComparer.Ordinal);

    /// <summary>Rules whose details answer with this error code.</summary>
    public Dictionary<string, string> FailingRules { get; } = new(StringComparer.Ordinal);

    /// <summary>An operation answered with a body cut off mid-JSON.</summary>
    public string? TruncatedOperation { get; set; }

    /// <summary>DescribeConfigRules answers with this error code when set.</summary>
    public string? ConfigRulesError { get; set; }

    public static string NameOf(string id) => $"name-of-{id}";

    public static string IdentifierOf(string rule) => rule.ToUpperInvariant().Replace('-', '_');

    public StubResponse Handle(StubRequest request)
    {
        if (request.Operation == TruncatedOperation)
        {
            return StubResponse.Raw("{\"ComplianceByConfigRules\": [ {\"ConfigRuleName\": ");
        }

        var input = request.Json;
        return request.Operation switch
        {
            "DescribeConfigurationRecorderStatus" => StubResponse.Json(new
            {
                ConfigurationRecordersStatus = Recording ? new object[] { new { name = "default", recording = true, lastStatus = "SUCCESS" } } : [],
            }),
            "DescribeComplianceByConfigRule" => ComplianceByRule(input),
            "DescribeConfigRules" => ConfigRules(input),
            "GetComplianceDetailsByConfigRule" => Details(input),
            "BatchGetResourceConfig" => Batch(input),
            _ => StubResponse.Error(400, "InvalidAction", $"unknown {request.Operation}"),
        };
    }

    /// <summary>
    /// Managed rules (owner AWS) named like their identifier; rules named <c>custom-*</c> are
    /// custom Lambda rules whose SourceIdentifier is the function's ARN. Two pages.
    /// </summary>
    private StubResponse ConfigRules(JsonElement input)
    {
        if (ConfigRulesError is { } code)
        {
            return StubResponse.Error(400, code, $"{code} for DescribeConfigRules");
        }

        var all = Rules.Keys.Order(StringComparer.Ordinal).ToList();
        var second = input.TryGetProperty("NextToken", out var token) && token.GetString() == "config-rules-2";
        var page = second ? all.Skip(all.Count / 2) : all.Take(all.Count / 2);
        return StubResponse.Json(new
        {
            ConfigRules = page.Select(r => new
            {
                ConfigRuleName = r,
                ConfigRuleState = "ACTIVE",
                Source = r.StartsWith("custom-", StringComparison.Ordinal)
                    ? new { Owner = "CUSTOM_LAMBDA", SourceIdentifier = $"arn:aws:lambda:eu-west-1:111111111111:function:{r}" }
                    : new { Owner = "AWS", SourceIdentifier = IdentifierOf(r) },
            }),
            NextToken = second ? null : "config-rules-2",
        });
    }

    private StubResponse ComplianceByRule(JsonElement input)
    {
        // Two pages, so the reader must follow NextToken.
        var all = Rules.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var second = input.TryGetProperty("NextToken", out var token) && token.GetString() == "rules-2";
        var page = second ? all.Skip(all.Count / 2) : all.Take(all.Count / 2);
        return StubResponse.Json(new
        {
            ComplianceByConfigRules = page.Select(r => new
            {
                ConfigRuleName = r.Key,
                Compliance = new
                {
                    ComplianceType = r.Value,
                    ComplianceContributorCount = r.Value == "NON_COMPLIANT" ? new { CappedCount = Evaluations[r.Key].Count, CapExceeded = false } : null,
                },
            }),
            NextToken = second ? null : "rules-2",
        });
    }

    private StubResponse Details(JsonElement input)
    {
        var rule = input.GetProperty("ConfigRuleName").GetString()!;
        if (FailingRules.TryGetValue(rule, out var code))
        {
            return StubResponse.Error(400, code, $"{code} for {rule}");
        }

        var limit = input.GetProperty("Limit").GetInt32();
        var start = input.TryGetProperty("NextToken", out var token) ? int.Parse(token.GetString()!, CultureInfo.InvariantCulture) : 0;
        var all = Evaluations[rule];
        var page = all.Skip(start).Take(limit).ToList();
        return StubResponse.Json(new
        {
            EvaluationResults = page.Select(e => new
            {
                EvaluationResultIdentifier = new
                {
                    EvaluationResultQualifier = new { ConfigRuleName = rule, ResourceType = e.Type, ResourceId = e.Id, EvaluationMode = e.Mode },
                    OrderingTimestamp = 1_764_000_000.5,
                },
                ComplianceType = "NON_COMPLIANT",
                ResultRecordedTime = 1_764_000_000 + (e.Mode == "PROACTIVE" ? 60 : 0),
                ConfigRuleInvokedTime = 1_764_000_000,
                Annotation = e.Annotation,
            }),
            NextToken = start + limit < all.Count ? (start + limit).ToString(CultureInfo.InvariantCulture) : null,
        });
    }

    private StubResponse Batch(JsonElement input)
    {
        var keys = input.GetProperty("resourceKeys").EnumerateArray()
            .Select(k => (Type: k.GetProperty("resourceType").GetString()!, Id: k.GetProperty("resourceId").GetString()!))
            .ToList();
        var unprocessed = Interlocked.Increment(ref _batchCalls) == 1 ? keys.TakeLast(1).ToList() : [];
        return StubResponse.Json(new
        {
            baseConfigurationItems = keys.Except(unprocessed).Select(k => new
            {
                resourceType = k.Type,
                resourceId = k.Id,
                resourceName = NameOf(k.Id),
                awsRegion = "eu-west-1",
                configuration = JsonSerializer.Serialize(new { Tags = new[] { new { Key = "owner", Value = $"team-{k.Id}" }, new { Key = "env", Value = "prod" } } }),
                supplementaryConfiguration = new Dictionary<string, string>(),
            }),
            unprocessedResourceKeys = unprocessed.Select(k => new { resourceType = k.Type, resourceId = k.Id }),
        });
    }
}
