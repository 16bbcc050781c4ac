using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Generation;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// AWS Config's aggregator operations (JSON 1.1, StarlingDoveService.*) over the same generated
/// organization, answered only to the aggregator read role in the aggregator's account and region,
/// with the limits and error codes of the service model.
/// </summary>
internal sealed class AggregatorHandler(ComplianceWorld world, AggregatorView aggregator, PagingFaults paging)
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;
    private const int MaxGroupByLimit = 1000;
    private const int MaxResourceIdentifiers = 100;

    public static readonly IReadOnlySet<string> Operations = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeConfigurationAggregatorSourcesStatus", "SelectAggregateResourceConfig", "BatchGetAggregateResourceConfig",
        "DescribeAggregateComplianceByConfigRules", "GetAggregateComplianceDetailsByConfigRule",
    };

    public void Handle(string operation, Caller caller, string region, JsonElement input, Utf8JsonWriter writer)
    {
        if (caller.Kind != CallerKind.AggregatorSession)
        {
            throw AwsServiceException.BadRequest(
                "AccessDeniedException",
                $"User: {caller.Arn} is not authorized to perform: config:{operation} because no identity-based policy allows the config:{operation} action");
        }

        var name = JsonInput.String(input, "ConfigurationAggregatorName");
        if (name != aggregator.Name || caller.AccountId != aggregator.AccountId || region != aggregator.Region)
        {
            throw AwsServiceException.BadRequest(
                "NoSuchConfigurationAggregatorException",
                "You have specified a configuration aggregator that does not exist.");
        }

        writer.WriteStartObject();
        switch (operation)
        {
            case "DescribeConfigurationAggregatorSourcesStatus":
                SourcesStatus(input, writer);
                break;
            case "SelectAggregateResourceConfig":
                Select(input, writer);
                break;
            case "BatchGetAggregateResourceConfig":
                BatchGet(input, writer);
                break;
            case "DescribeAggregateComplianceByConfigRules":
                ComplianceByConfigRules(input, writer);
                break;
            default:
                ComplianceDetails(input, writer);
                break;
        }

        writer.WriteEndObject();
    }

    private static int Limit(JsonElement input, string member, int defaultLimit, int max)
    {
        var limit = JsonInput.Integer(input, member) ?? 0;
        if (limit < 0 || limit > max)
        {
            throw AwsServiceException.BadRequest(
                "InvalidLimitException",
                string.Create(CultureInfo.InvariantCulture, $"The {member} {limit} is not valid: specify a value from 0 to {max}."));
        }

        return limit == 0 ? defaultLimit : limit;
    }

    private static int Offset(string? token, string scope)
    {
        if (token is null)
        {
            return 0;
        }

        return PageToken.TryDecode(token, scope, out var offset, out _)
            ? offset
            : throw AwsServiceException.BadRequest("InvalidNextTokenException", "The nextToken provided is invalid");
    }

    private void SourcesStatus(JsonElement input, Utf8JsonWriter writer)
    {
        var statuses = JsonInput.StringList(input, "UpdateStatus");
        var invalid = statuses?.FirstOrDefault(s => s is not ("FAILED" or "SUCCEEDED" or "OUTDATED"));
        if (invalid is not null || statuses is { Count: 0 })
        {
            throw AwsServiceException.BadRequest("InvalidParameterValueException", $"The UpdateStatus '{invalid}' is not valid; use FAILED, SUCCEEDED or OUTDATED.");
        }

        var limit = Limit(input, "Limit", DefaultLimit, MaxLimit);
        var token = JsonInput.String(input, "NextToken");
        var scope = "SourcesStatus/" + (statuses is null ? "*" : string.Join(',', statuses.Order(StringComparer.Ordinal)));
        var offset = Offset(token, scope);
        var page = aggregator.Sources().Where(s => statuses is null || statuses.Contains(s.Status)).Skip(offset).Take(limit + 1).ToList();
        writer.WriteStartArray("AggregatedSourceStatusList");
        foreach (var source in page.Take(limit))
        {
            writer.WriteStartObject();
            writer.WriteString("SourceId", source.AccountId);
            writer.WriteString("SourceType", "ORGANIZATION");
            writer.WriteString("AwsRegion", source.Region);
            writer.WriteString("LastUpdateStatus", source.Status);
            writer.WriteTimestamp("LastUpdateTime", source.LastUpdateTime);
            if (source.ErrorCode is not null)
            {
                writer.WriteString("LastErrorCode", source.ErrorCode);
                writer.WriteString("LastErrorMessage", source.ErrorMessage);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, page.Count > limit ? PageToken.Encode(scope, offset + limit, false) : null));
    }

    private void Select(JsonElement input, Utf8JsonWriter writer)
    {
        var expression = JsonInput.String(input, "Expression");
        if (string.IsNullOrEmpty(expression) || expression.Length > 4096)
        {
            throw AwsServiceException.BadRequest("ValidationException", "Expression must be 1 to 4096 characters.");
        }

        var query = AdvancedQuery.Parse(expression);
        var limit = Math.Min(Limit(input, "Limit", DefaultLimit, MaxLimit), Limit(input, "MaxResults", DefaultLimit, MaxLimit));
        var token = JsonInput.String(input, "NextToken");
        var scope = "Select/" + StableHash.Of(0, expression).ToString(CultureInfo.InvariantCulture);
        var offset = Offset(token, scope);
        var accountFilter = query.Conditions.Where(c => c.Key == "accountId").Select(c => c.Value).ToList();
        var regionFilter = query.Conditions.Where(c => c.Key == "awsRegion").Select(c => c.Value).ToList();
        var accounts = accountFilter.Count > 0
            ? aggregator.CoveredAccounts.Where(a => accountFilter.All(f => f == a.Id))
            : aggregator.CoveredAccounts;
        var page = accounts
            .SelectMany(a => world.Organization.Regions.Where(r => regionFilter.All(f => f == r)).Select(r => aggregator.State(a.Id, r)))
            .Where(state => state is { Data.HasRecorder: true })
            .SelectMany(state => ComplianceItem.Of(state!))
            .Where(item => query.Conditions.All(item.Matches))
            .Skip(offset)
            .Take(limit + 1)
            .ToList();
        writer.WriteStartArray("Results");
        foreach (var item in page.Take(limit))
        {
            writer.WriteStringValue(item.ToJson(query.Fields));
        }

        writer.WriteEndArray();
        writer.WriteStartObject("QueryInfo");
        writer.WriteStartArray("SelectFields");
        foreach (var field in query.Fields)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", field);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNextToken("NextToken", paging.Next(token, page.Count > limit ? PageToken.Encode(scope, offset + limit, false) : null));
    }

    private void BatchGet(JsonElement input, Utf8JsonWriter writer)
    {
        var identifiers = JsonInput.ObjectList(input, "ResourceIdentifiers");
        if (identifiers is null || identifiers.Count is 0 or > MaxResourceIdentifiers)
        {
            throw AwsServiceException.BadRequest(
                "ValidationException",
                string.Create(CultureInfo.InvariantCulture, $"1 validation error detected: Value at 'resourceIdentifiers' failed to satisfy constraint: Member must have length between 1 and {MaxResourceIdentifiers}"));
        }

        writer.WriteStartArray("BaseConfigurationItems");
        foreach (var identifier in identifiers)
        {
            string Required(string member) =>
                JsonInput.String(identifier, member) ?? throw AwsServiceException.BadRequest("ValidationException", $"{member} is required in every resource identifier.");
            var state = aggregator.State(Required("SourceAccountId"), Required("SourceRegion"));
            if (state?.Data.FindResource(Required("ResourceType"), Required("ResourceId")) is { } resource)
            {
                ConfigHandler.WriteConfigurationItem(writer, state, resource);
            }
        }

        writer.WriteEndArray();
        writer.WriteStartArray("UnprocessedResourceIdentifiers");
        writer.WriteEndArray();
    }

    private void ComplianceByConfigRules(JsonElement input, Utf8JsonWriter writer)
    {
        var filters = input.TryGetProperty("Filters", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        string? Filter(string member) => filters.ValueKind == JsonValueKind.Object ? JsonInput.String(filters, member) : null;
        var (account, region, ruleName, compliance) = (Filter("AccountId"), Filter("AwsRegion"), Filter("ConfigRuleName"), Filter("ComplianceType"));
        var limit = Limit(input, "Limit", MaxGroupByLimit, MaxGroupByLimit);
        var token = JsonInput.String(input, "NextToken");
        var scope = $"ComplianceByConfigRules/{account}/{region}/{ruleName}/{compliance}";
        var offset = Offset(token, scope);
        var page = aggregator.CoveredAccounts
            .Where(a => account is null || a.Id == account)
            .SelectMany(a => world.Organization.Regions.Where(r => region is null || r == region).Select(r => aggregator.State(a.Id, r)))
            .Where(state => state is { Data.HasRecorder: true })
            .SelectMany(state => Enumerable.Range(0, state!.Data.Rules.Length).Select(rule => (State: state, Rule: rule)))
            .Where(x => (ruleName is null || x.State.Data.Rules[x.Rule].Name == ruleName) && (compliance is null || x.State.Compliance(x.Rule) == compliance))
            .Skip(offset)
            .Take(limit + 1)
            .ToList();
        writer.WriteStartArray("AggregateComplianceByConfigRules");
        foreach (var (state, rule) in page.Take(limit))
        {
            writer.WriteStartObject();
            writer.WriteString("ConfigRuleName", state.Data.Rules[rule].Name);
            writer.WriteRuleCompliance(state, rule);
            writer.WriteString("AccountId", state.Data.AccountId);
            writer.WriteString("AwsRegion", state.Data.Region);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, page.Count > limit ? PageToken.Encode(scope, offset + limit, false) : null));
    }

    private void ComplianceDetails(JsonElement input, Utf8JsonWriter writer)
    {
        var ruleName = JsonInput.String(input, "ConfigRuleName");
        var account = JsonInput.String(input, "AccountId");
        var region = JsonInput.String(input, "AwsRegion");
        if (string.IsNullOrEmpty(ruleName) || string.IsNullOrEmpty(account) || string.IsNullOrEmpty(region))
        {
            throw AwsServiceException.BadRequest("ValidationException", "ConfigRuleName, AccountId and AwsRegion are required.");
        }

        var compliance = JsonInput.String(input, "ComplianceType");
        var limit = Limit(input, "Limit", DefaultLimit, MaxLimit);
        var state = aggregator.State(account, region);
        var ruleIndex = state?.Data.RuleIndex(ruleName) ?? -1;
        if (state is null || ruleIndex < 0)
        {
            throw AwsServiceException.BadRequest("NoSuchConfigRuleException", $"The ConfigRule '{ruleName}' provided in the request is invalid. Please check the configRule name.");
        }

        var rule = state.Data.Rules[ruleIndex];
        var evaluations = Enumerable.Range(0, rule.ResourceIndexes.Length)
            .Where(e => compliance is null || compliance == (state.IsNonCompliant(ruleIndex, e) ? "NON_COMPLIANT" : "COMPLIANT"))
            .ToArray();
        var token = JsonInput.String(input, "NextToken");
        var scope = $"ComplianceDetails/{account}/{region}/{ruleName}/{compliance}";
        var offset = Math.Min(Offset(token, scope), evaluations.Length);
        var end = Math.Min(evaluations.Length, offset + limit);
        writer.WriteStartArray("AggregateEvaluationResults");
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

            writer.WriteString("AccountId", account);
            writer.WriteString("AwsRegion", region);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(token, end < evaluations.Length ? PageToken.Encode(scope, end, false) : null));
    }

    /// <summary>One AWS::Config::ResourceCompliance configuration item: a resource and every rule that evaluated it.</summary>
    private sealed record ComplianceItem(
        string AccountId,
        string Region,
        ResourceData Resource,
        IReadOnlyList<(RuleData Rule, bool NonCompliant)> Rules,
        DateTimeOffset CapturedAt)
    {
        private string Compliance => Rules.Any(r => r.NonCompliant) ? "NON_COMPLIANT" : "COMPLIANT";

        public static IEnumerable<ComplianceItem> Of(RegionState state)
        {
            var byResource = new SortedDictionary<int, List<(RuleData, bool, DateTimeOffset)>>();
            for (var r = 0; r < state.Data.Rules.Length; r++)
            {
                var rule = state.Data.Rules[r];
                for (var e = 0; e < rule.ResourceIndexes.Length; e++)
                {
                    if (!byResource.TryGetValue(rule.ResourceIndexes[e], out var list))
                    {
                        byResource[rule.ResourceIndexes[e]] = list = [];
                    }

                    list.Add((rule, state.IsNonCompliant(r, e), state.RecordedTime(r, e)));
                }
            }

            return byResource.Select(pair => new ComplianceItem(
                state.Data.AccountId,
                state.Data.Region,
                state.Data.Resources[pair.Key],
                pair.Value.Select(x => (x.Item1, x.Item2)).ToList(),
                pair.Value.Max(x => x.Item3)));
        }

        public bool Matches(KeyValuePair<string, string> condition) => condition.Key switch
        {
            "resourceType" => condition.Value == AdvancedQuery.ComplianceResourceType,
            "accountId" => condition.Value == AccountId,
            "awsRegion" => condition.Value == Region,
            "configuration.targetResourceId" => condition.Value == Resource.Id,
            "configuration.targetResourceType" => condition.Value == Resource.Type,
            "configuration.complianceType" => condition.Value == Compliance,
            "configuration.configRuleList.configRuleName" => Rules.Any(r => r.Rule.Name == condition.Value),
            _ => Rules.Any(r => RuleCompliance(r) == condition.Value),
        };

        public string ToJson(IReadOnlyList<string> fields)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                foreach (var field in fields.Where(f => !f.StartsWith("configuration.", StringComparison.Ordinal)))
                {
                    switch (field)
                    {
                        case "accountId":
                            json.WriteString(field, AccountId);
                            break;
                        case "awsRegion":
                            json.WriteString(field, Region);
                            break;
                        case "resourceType":
                            json.WriteString(field, AdvancedQuery.ComplianceResourceType);
                            break;
                        default:
                            json.WriteString(field, CapturedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                            break;
                    }
                }

                var configuration = fields.Where(f => f.StartsWith("configuration.", StringComparison.Ordinal)).Select(f => f["configuration.".Length..]).ToList();
                if (configuration.Count > 0)
                {
                    WriteConfiguration(json, configuration);
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static string RuleCompliance((RuleData Rule, bool NonCompliant) rule) => rule.NonCompliant ? "NON_COMPLIANT" : "COMPLIANT";

        private void WriteConfiguration(Utf8JsonWriter json, List<string> members)
        {
            json.WriteStartObject("configuration");
            foreach (var member in members.Where(m => !m.StartsWith("configRuleList", StringComparison.Ordinal)))
            {
                json.WriteString(member, member switch
                {
                    "targetResourceId" => Resource.Id,
                    "targetResourceType" => Resource.Type,
                    _ => Compliance,
                });
            }

            var ruleMembers = members.Where(m => m.StartsWith("configRuleList", StringComparison.Ordinal)).ToList();
            if (ruleMembers.Count > 0)
            {
                var whole = ruleMembers.Contains("configRuleList");
                json.WriteStartArray("configRuleList");
                foreach (var rule in Rules)
                {
                    json.WriteStartObject();
                    if (whole || ruleMembers.Contains("configRuleList.configRuleName"))
                    {
                        json.WriteString("configRuleName", rule.Rule.Name);
                    }

                    if (whole || ruleMembers.Contains("configRuleList.complianceType"))
                    {
                        json.WriteString("complianceType", RuleCompliance(rule));
                    }

                    if (whole)
                    {
                        json.WriteString("configRuleArn", rule.Rule.Arn);
                        json.WriteString("configRuleId", rule.Rule.Id);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }
}
