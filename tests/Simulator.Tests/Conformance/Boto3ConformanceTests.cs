using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReport.AwsSimulator;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>
/// Debian's python3-boto3 (a client we did not write) drives every simulated operation through
/// its paginators and error parsing; what it read must equal the simulator's own data exactly.
/// </summary>
public sealed class Boto3ConformanceTests : IAsyncLifetime
{
    private SimulatorApp _simulator = null!;

    public async Task InitializeAsync()
    {
        _simulator = await SimulatorApp.StartAsync(new SimulatorOptions
        {
            Accounts = 12,
            Seed = 7,
            DenyAccounts = 1,
            SuspendedAccounts = 1,
            NoConfigAccounts = 1,
        });
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Boto3_reads_exactly_the_simulated_data_and_gets_every_error_code_AWS_would_send()
    {
        var organization = _simulator.Organization;
        var members = organization.Accounts.Where(a => !a.IsManagement).ToList();
        // The account with the most findings, so pagination and partial batches really happen.
        var account = members.Where(a => !a.IsDenied && !a.IsSuspended && a.RegionWithoutRecorder is null)
            .OrderByDescending(a => organization.Regions.Sum(r => _simulator.GetRegion(a.Id, r).NonCompliant.Count))
            .First();
        var noConfig = members.Single(a => a.RegionWithoutRecorder is not null);
        var expected = organization.Regions.ToDictionary(r => r, r => _simulator.GetRegion(account.Id, r));
        var busiest = expected.ToDictionary(e => e.Key, e => e.Value.Rules.OrderByDescending(r => r.EvaluatedResources).First());

        var arguments = new JsonObject
        {
            ["endpoint"] = _simulator.Endpoint.ToString().TrimEnd('/'),
            ["hubKeyId"] = _simulator.Options.HubKeyId,
            ["hubSecret"] = _simulator.Options.HubSecret,
            ["managementAccountId"] = _simulator.ManagementAccountId,
            ["accountId"] = account.Id,
            ["deniedAccountId"] = members.Single(a => a.IsDenied).Id,
            ["suspendedAccountId"] = members.Single(a => a.IsSuspended).Id,
            ["noConfigAccountId"] = noConfig.Id,
            ["noConfigRegion"] = noConfig.RegionWithoutRecorder,
            ["regions"] = new JsonArray([.. organization.Regions.Select(r => JsonValue.Create(r))]),
            ["busiestRule"] = new JsonObject(busiest.Select(b => KeyValuePair.Create(b.Key, (JsonNode?)JsonValue.Create(b.Value.Name)))),
        };

        var result = await Boto3Script.RunAsync("conformance.py", arguments.ToJsonString());
        var errors = result.GetProperty("errors");

        Assert.Equal(organization.HubAccountId, result.GetProperty("callerIdentity").GetString());
        AssertError(errors, "stsWrongSecret", "SignatureDoesNotMatch", 403);
        AssertError(errors, "stsUnknownKey", "InvalidClientTokenId", 403);
        AssertError(errors, "configWrongSecret", "InvalidSignatureException", 400);
        AssertError(errors, "configUnknownKey", "UnrecognizedClientException", 400);
        AssertError(errors, "organizationsUnknownKey", "UnrecognizedClientException", 400);
        AssertError(errors, "assumeDenied", "AccessDenied", 403);
        AssertError(errors, "assumeSuspended", "AccessDenied", 403);
        AssertError(errors, "assumeTooLong", "ValidationError", 400);
        AssertError(errors, "assumeListOrgInMember", "AccessDenied", 403);
        // The hub is a member account: it may describe the organization, not list it.
        AssertError(errors, "hubCallsOrganizations", "AccessDeniedException", 400);
        Assert.Equal(organization.Id, result.GetProperty("hubDescribesOrganization").GetString());
        AssertError(errors, "hubCallsConfig", "AccessDeniedException", 400);
        AssertError(errors, "organizationsMaxResults21", "InvalidInputException", 400);
        AssertError(errors, "organizationsBadToken", "InvalidInputException", 400);
        AssertError(errors, "organizationsUnknownParent", "ParentNotFoundException", 400);
        AssertError(errors, "listOrgCallsConfig", "AccessDeniedException", 400);
        AssertError(errors, "readCallsOrganizations", "AccessDeniedException", 400);
        AssertError(errors, "configRuleNames26", "InvalidParameterValueException", 400);
        AssertError(errors, "complianceRuleNames26", "InvalidParameterValueException", 400);
        AssertError(errors, "limit101", "InvalidParameterValueException", 400);
        AssertError(errors, "unknownRule", "NoSuchConfigRuleException", 400);
        AssertError(errors, "describeUnknownRule", "NoSuchConfigRuleException", 400);
        AssertError(errors, "badNextToken", "InvalidNextTokenException", 400);
        AssertError(errors, "badComplianceType", "InvalidParameterValueException", 400);
        AssertError(errors, "batch101", "ValidationException", 400);
        AssertError(errors, "unknownRecorder", "NoSuchConfigurationRecorderException", 400);
        AssertError(errors, "noConfigBatch", "NoAvailableConfigurationRecorderException", 400);
        AssertError(errors, "expiredConfig", "ExpiredTokenException", 400);
        AssertError(errors, "expiredOrganizations", "ExpiredTokenException", 400);
        AssertError(errors, "expiredSts", "ExpiredToken", 400);

        // Organizations: the list, the tree (3 OU levels) and AWS-like empty pages.
        Assert.Equal(organization.ManagementAccountId, result.GetProperty("organization").GetString());
        Assert.Equal(organization.RootId, result.GetProperty("rootId").GetString());
        Assert.Equal(
            organization.Accounts.Select(a => $"{a.Id}|{a.Name}|{a.Email}|{a.Status}"),
            result.GetProperty("accounts").EnumerateArray().Select(a =>
                $"{a.GetProperty("id").GetString()}|{a.GetProperty("name").GetString()}|{a.GetProperty("email").GetString()}|{a.GetProperty("status").GetString()}"));
        var pageSizes = result.GetProperty("listAccountsPageSizes").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.Contains(0, pageSizes);
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 7));
        Assert.Equal(organization.Accounts.Count, pageSizes.Sum());
        var paths = result.GetProperty("accountOuPaths").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(organization.Accounts.ToDictionary(a => a.Id, a => (string?)a.OuPath), paths);
        Assert.Equal(3, result.GetProperty("ouDepth").GetInt32());

        // Config: rules, compliance and every NON_COMPLIANT finding with name and tags, per region.
        var unprocessed = 0;
        foreach (var (region, data) in expected)
        {
            var seen = result.GetProperty("regions").GetProperty(region);
            Assert.Equal(data.Rules.Select(r => r.Name), seen.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(
                data.Rules.ToDictionary(r => r.Name, r => (string?)r.Compliance),
                seen.GetProperty("compliance").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetString()));
            Assert.Equal(
                data.NonCompliant.Select(Describe).Order(StringComparer.Ordinal),
                seen.GetProperty("findings").EnumerateArray().Select(Describe).Order(StringComparer.Ordinal));
            Assert.Equal(["default"], seen.GetProperty("recorders").EnumerateArray().Select(r => r.GetString()));
            var defaultPages = seen.GetProperty("defaultPageSizes").EnumerateArray().Select(p => p.GetInt32()).ToList();
            Assert.True(defaultPages.Count > 1, "the default Limit of 10 should need several pages for the busiest rule");
            Assert.All(defaultPages, size => Assert.InRange(size, 0, 10));
            Assert.Equal(busiest[region].EvaluatedResources, defaultPages.Sum());
            unprocessed += seen.GetProperty("unprocessedSeen").GetInt32();
        }

        Assert.True(unprocessed > 0, "BatchGetResourceConfig should leave some keys unprocessed in batches over 10 keys");
        Assert.Empty(result.GetProperty("noConfigRecorders").EnumerateArray());
        Assert.Empty(result.GetProperty("noConfigRules").EnumerateArray());
    }

    private static string Describe(SimulatedFinding f) =>
        string.Join('|', f.RuleName, f.ResourceType, f.ResourceId, f.ResourceName, f.Annotation, "NON_COMPLIANT",
            f.ResultRecordedTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            string.Join(',', f.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));

    private static string Describe(JsonElement f) =>
        string.Join('|', f.GetProperty("rule").GetString(), f.GetProperty("type").GetString(), f.GetProperty("id").GetString(),
            f.GetProperty("name").GetString(), f.GetProperty("annotation").GetString(), f.GetProperty("compliance").GetString(),
            ((long)Math.Round(f.GetProperty("recorded").GetDouble())).ToString(CultureInfo.InvariantCulture),
            string.Join(',', f.GetProperty("tags").EnumerateObject().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => $"{t.Name}={t.Value.GetString()}")));

    private static void AssertError(JsonElement errors, string name, string code, int status)
    {
        var error = errors.GetProperty(name);
        Assert.True(error.ValueKind == JsonValueKind.Object, $"{name}: expected {code}, got {error}");
        Assert.Equal((name, code, status), (name, error.GetProperty("code").GetString(), error.GetProperty("status").GetInt32()));
    }
}
