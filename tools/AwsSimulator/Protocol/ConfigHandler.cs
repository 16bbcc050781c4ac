using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Generation;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// AWS Config (JSON 1.1, StarlingDoveService.*): the read-only compliance operations, with the
/// limits and error codes of the service model.
/// </summary>
internal sealed class ConfigHandler(ComplianceWorld world, PagingFaults paging, int seed)
{
    public const string TargetPrefix = "StarlingDoveService.";

    private const int RulePageSize = 25;
    private const int MaxRuleNames = 25;
    private const int DefaultLimit = 10;
    private const int MaxLimit = 100;
    private const int MaxResourceKeys = 100;
    private const string RecorderName = "default";

    public static readonly IReadOnlySet<string> Operations = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeConfigRules", "DescribeComplianceByConfigRule", "GetComplianceDetailsByConfigRule",
        "BatchGetResourceConfig", "DescribeConfigurationRecorderStatus",
    };

    public void Handle(string operation, Caller caller, string region, JsonElement input, Utf8JsonWriter writer)
    {
        if (caller.Kind != CallerKind.ReadSession)
        {
            throw AwsServiceException.BadRequest(
                "AccessDeniedException",
                $"User: {caller.Arn} is not authorized to perform: config:{operation} because no identity-based policy allows the config:{operation} action");
        }

        var state = world.GetState(caller.AccountId, region);
        writer.WriteStartObject();
        switch (operation)
        {
            case "DescribeConfigRules":
                DescribeConfigRules(state, input, writer);
                break;
            case "DescribeComplianceByConfigRule":
                DescribeComplianceByConfigRule(state, input, writer);
                break;
            case "GetComplianceDetailsByConfigRule":
                GetComplianceDetailsByConfigRule(state, input, writer);
                break;
            case "BatchGetResourceConfig":
                BatchGetResourceConfig(state, input, writer);
                break;
            default:
                DescribeConfigurationRecorderStatus(state, input, writer);
                break;
        }

        writer.WriteEndObject();
    }

    private static IReadOnlyList<int> SelectRules(RegionState state, JsonElement input)
    {
        var names = JsonInput.StringList(input, "ConfigRuleNames");
        if (names is null || names.Count == 0)
        {
            return Enumerable.Range(0, state.Data.Rules.Length).ToArray();
        }

        if (names.Count > MaxRuleNames)
        {
            throw AwsServiceException.BadRequest(
                "InvalidParameterValueException",
                string.Create(CultureInfo.InvariantCulture, $"The ConfigRuleNames list has {names.Count} members; at most {MaxRuleNames} are allowed."));
        }

        var selected = new List<int>(names.Count);
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var index = state.Data.RuleIndex(name);
            if (index < 0)
            {
                throw AwsServiceException.BadRequest("NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid. Please check the configRule name.");
            }

            selected.Add(index);
        }

        return selected;
    }

    private static int StartOffset(string? token, string scope, int count)
    {
        if (token is null)
        {
            return 0;
        }

        return PageToken.TryDecode(token, scope, out var offset, out _) && offset <= count
            ? offset
            : throw AwsServiceException.BadRequest("InvalidNextTokenException", "The nextToken provided is invalid");
    }

    private void DescribeConfigRules(RegionState state, JsonElement input, Utf8JsonWriter writer)
    {
        var rules = SelectRules(state, input);
        var token = JsonInput.String(input, "NextToken");
        var scope = Scope(state, "DescribeConfigRules", string.Join(',', rules));
        var offset = StartOffset(token, scope, rules.Count);
        var end = Math.Min(rules.Count, offset + RulePageSize);
        writer.WriteStartArray("ConfigRules");
        for (var i = offset; i < end; i++)
        {
            var rule = state.Data.Rules[rules[i]];
            writer.WriteStartObject();
            writer.WriteString("ConfigRuleName", rule.Name);
            writer.WriteString("ConfigRuleArn", rule.Arn);
            writer.WriteString("ConfigRuleId", rule.Id);
            writer.WriteString("Description", rule.Template.Description);
            writer.WriteStartObject("Scope");
            writer.WriteStartArray("ComplianceResourceTypes");
            writer.WriteStringValue(rule.Template.ResourceType);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("Source");
            writer.WriteString("Owner", "AWS");
            writer.WriteString("SourceIdentifier", rule.Template.SourceIdentifier);
            writer.WriteEndObject();
            writer.WriteString("ConfigRuleState", "ACTIVE");
            writer.WriteStartArray("EvaluationModes");
            writer.WriteStartObject();
            writer.WriteString("Mode", "DETECTIVE");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, end < rules.Count ? PageToken.Encode(scope, end, false) : null));
    }

    private void DescribeComplianceByConfigRule(RegionState state, JsonElement input, Utf8JsonWriter writer)
    {
        var types = ComplianceTypes(input, ["COMPLIANT", "NON_COMPLIANT", "INSUFFICIENT_DATA"]);
        var rules = SelectRules(state, input).Where(r => types is null || types.Contains(state.Compliance(r))).ToArray();
        var token = JsonInput.String(input, "NextToken");
        var scope = Scope(state, "DescribeComplianceByConfigRule", string.Join(',', rules));
        var offset = StartOffset(token, scope, rules.Length);
        var end = Math.Min(rules.Length, offset + RulePageSize);
        writer.WriteStartArray("ComplianceByConfigRules");
        for (var i = offset; i < end; i++)
        {
            var rule = rules[i];
            writer.WriteStartObject();
            writer.WriteString("ConfigRuleName", state.Data.Rules[rule].Name);
            writer.WriteRuleCompliance(state, rule);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, end < rules.Length ? PageToken.Encode(scope, end, false) : null));
    }

    private void GetComplianceDetailsByConfigRule(RegionState state, JsonElement input, Utf8JsonWriter writer)
    {
        var name = JsonInput.String(input, "ConfigRuleName");
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            throw AwsServiceException.BadRequest("InvalidParameterValueException", "ConfigRuleName must be 1 to 64 characters.");
        }

        var types = ComplianceTypes(input, ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE"]);
        var limit = JsonInput.Integer(input, "Limit") ?? 0;
        if (limit is < 0 or > MaxLimit)
        {
            throw AwsServiceException.BadRequest(
                "InvalidParameterValueException",
                string.Create(CultureInfo.InvariantCulture, $"The Limit {limit} is not valid: specify a value from 0 to {MaxLimit} (0 means the default of {DefaultLimit})."));
        }

        if (limit == 0)
        {
            limit = DefaultLimit;
        }

        var ruleIndex = state.Data.RuleIndex(name);
        if (ruleIndex < 0)
        {
            throw AwsServiceException.BadRequest("NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid. Please check the configRule name.");
        }

        var rule = state.Data.Rules[ruleIndex];
        var evaluations = Enumerable.Range(0, rule.ResourceIndexes.Length)
            .Where(e => types is null || types.Contains(state.IsNonCompliant(ruleIndex, e) ? "NON_COMPLIANT" : "COMPLIANT"))
            .ToArray();
        var token = JsonInput.String(input, "NextToken");
        var scope = Scope(state, "GetComplianceDetailsByConfigRule", name + "/" + (types is null ? "*" : string.Join(',', types.Order(StringComparer.Ordinal))));
        var offset = StartOffset(token, scope, evaluations.Length);
        var end = Math.Min(evaluations.Length, offset + limit);
        writer.WriteStartArray("EvaluationResults");
        for (var i = offset; i < end; i++)
        {
            var e = evaluations[i];
            var resource = state.Data.Resources[rule.ResourceIndexes[e]];
            var nonCompliant = state.IsNonCompliant(ruleIndex, e);
            var recorded = state.RecordedTime(ruleIndex, e);
            writer.WriteStartObject();
            writer.WriteStartObject("EvaluationResultIdentifier");
            writer.WriteStartObject("EvaluationResultQualifier");
            writer.WriteString("ConfigRuleName", rule.Name);
            writer.WriteString("ResourceType", resource.Type);
            writer.WriteString("ResourceId", resource.Id);
            writer.WriteString("EvaluationMode", "DETECTIVE");
            writer.WriteEndObject();
            writer.WriteTimestamp("OrderingTimestamp", recorded.AddSeconds(-30));
            writer.WriteEndObject();
            writer.WriteString("ComplianceType", nonCompliant ? "NON_COMPLIANT" : "COMPLIANT");
            writer.WriteTimestamp("ResultRecordedTime", recorded);
            writer.WriteTimestamp("ConfigRuleInvokedTime", recorded.AddSeconds(-45));
            if (nonCompliant)
            {
                writer.WriteString("Annotation", rule.Template.Annotation);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, end < evaluations.Length ? PageToken.Encode(scope, end, false) : null));
    }

    private void BatchGetResourceConfig(RegionState state, JsonElement input, Utf8JsonWriter writer)
    {
        var keys = JsonInput.ObjectList(input, "resourceKeys");
        if (keys is null || keys.Count == 0)
        {
            throw AwsServiceException.BadRequest("ValidationException", "1 validation error detected: Value null at 'resourceKeys' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        if (keys.Count > MaxResourceKeys)
        {
            throw AwsServiceException.BadRequest(
                "ValidationException",
                string.Create(CultureInfo.InvariantCulture, $"1 validation error detected: Value at 'resourceKeys' failed to satisfy constraint: Member must have length less than or equal to {MaxResourceKeys}"));
        }

        var parsed = keys.Select(k => (
            Type: JsonInput.String(k, "resourceType") ?? throw AwsServiceException.BadRequest("ValidationException", "resourceType is required in every resource key."),
            Id: JsonInput.String(k, "resourceId") ?? throw AwsServiceException.BadRequest("ValidationException", "resourceId is required in every resource key."))).ToArray();

        if (!state.Data.HasRecorder)
        {
            throw AwsServiceException.BadRequest("NoAvailableConfigurationRecorderException", "There are no configuration recorders available to provide the role needed to describe your resources.");
        }

        // Deterministic partial answers: in batches over 10 keys about one key in eight is left
        // unprocessed, never more than half, so a client retrying the leftovers always finishes.
        var unprocessed = new HashSet<int>();
        if (parsed.Length > 10)
        {
            var count = parsed.Length.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < parsed.Length && unprocessed.Count < parsed.Length / 2; i++)
            {
                if (StableHash.Of(seed, "unprocessed", state.Data.AccountId, state.Data.Region, parsed[i].Id, count) % 8 == 0)
                {
                    unprocessed.Add(i);
                }
            }
        }

        writer.WriteStartArray("baseConfigurationItems");
        for (var i = 0; i < parsed.Length; i++)
        {
            var resource = unprocessed.Contains(i) ? null : state.Data.FindResource(parsed[i].Type, parsed[i].Id);
            if (resource is null)
            {
                continue;
            }

            WriteConfigurationItem(writer, state, resource);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("unprocessedResourceKeys");
        foreach (var i in unprocessed.Order())
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", parsed[i].Type);
            writer.WriteString("resourceId", parsed[i].Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>One BaseConfigurationItem, as BatchGetResourceConfig and BatchGetAggregateResourceConfig return it.</summary>
    internal static void WriteConfigurationItem(Utf8JsonWriter writer, RegionState state, ResourceData resource)
    {
        writer.WriteStartObject();
        writer.WriteString("version", "1.3");
        writer.WriteString("accountId", state.Data.AccountId);
        writer.WriteTimestamp("configurationItemCaptureTime", RegionState.WeekZero.AddDays(7 * state.Week).AddHours(-12));
        writer.WriteString("configurationItemStatus", "OK");
        writer.WriteString("configurationStateId", (resource.CreatedAt.ToUnixTimeMilliseconds() + state.Week).ToString(CultureInfo.InvariantCulture));
        writer.WriteString("arn", resource.Arn);
        writer.WriteString("resourceType", resource.Type);
        writer.WriteString("resourceId", resource.Id);
        writer.WriteString("resourceName", resource.Name);
        writer.WriteString("awsRegion", state.Data.Region);
        writer.WriteString("availabilityZone", resource.AvailabilityZone);
        writer.WriteTimestamp("resourceCreationTime", resource.CreatedAt);
        writer.WriteString("configuration", ConfigurationJson(resource));
        writer.WriteStartObject("supplementaryConfiguration");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void DescribeConfigurationRecorderStatus(RegionState state, JsonElement input, Utf8JsonWriter writer)
    {
        var names = JsonInput.StringList(input, "ConfigurationRecorderNames");
        var unknown = names?.FirstOrDefault(n => !state.Data.HasRecorder || n != RecorderName);
        if (unknown is not null)
        {
            throw AwsServiceException.BadRequest("NoSuchConfigurationRecorderException", $"Cannot find configuration recorder with the specified name '{unknown}'.");
        }

        writer.WriteStartArray("ConfigurationRecordersStatus");
        if (state.Data.HasRecorder)
        {
            var weekStart = RegionState.WeekZero.AddDays(7 * state.Week);
            writer.WriteStartObject();
            writer.WriteString("name", RecorderName);
            writer.WriteTimestamp("lastStartTime", RegionState.WeekZero.AddDays(-400));
            writer.WriteBoolean("recording", true);
            writer.WriteString("lastStatus", "SUCCESS");
            writer.WriteTimestamp("lastStatusChangeTime", weekStart.AddHours(-1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static HashSet<string>? ComplianceTypes(JsonElement input, string[] allowed)
    {
        var types = JsonInput.StringList(input, "ComplianceTypes");
        if (types is null || types.Count == 0)
        {
            return null;
        }

        if (types.Count > 3)
        {
            throw AwsServiceException.BadRequest("InvalidParameterValueException", "ComplianceTypes has more than 3 members.");
        }

        var invalid = types.FirstOrDefault(t => !allowed.Contains(t));
        return invalid is null
            ? new HashSet<string>(types, StringComparer.Ordinal)
            : throw AwsServiceException.BadRequest("InvalidParameterValueException", $"The ComplianceType '{invalid}' is not valid here; use {string.Join(", ", allowed)}.");
    }

    private static string Scope(RegionState state, string operation, string parameters) =>
        $"{operation}/{state.Data.AccountId}/{state.Data.Region}/{parameters}";

    /// <summary>
    /// The resource's configuration document as a JSON string, the way BatchGetResourceConfig
    /// returns it; the reader takes tags from its "Tags" member.
    /// </summary>
    private static string ConfigurationJson(ResourceData resource)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("arn", resource.Arn);
            json.WriteString("resourceId", resource.Id);
            json.WriteString("name", resource.Name);
            json.WriteStartArray("Tags");
            foreach (var tag in resource.Tags)
            {
                json.WriteStartObject();
                json.WriteString("Key", tag.Key);
                json.WriteString("Value", tag.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
