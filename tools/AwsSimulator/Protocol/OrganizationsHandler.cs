using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Generation;
using ComplianceReport.AwsSimulator.Model;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// AWS Organizations (JSON 1.1, AWSOrganizationsV20161128.*), read-only listing. Pages hold at
/// most MaxResults (≤ 20) items and, like AWS, are sometimes empty while still carrying a NextToken.
/// </summary>
internal sealed partial class OrganizationsHandler(ComplianceWorld world, PagingFaults paging, int seed)
{
    public const string TargetPrefix = "AWSOrganizationsV20161128.";

    private const int DefaultMaxResults = 20;

    public static readonly IReadOnlySet<string> Operations = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListRoots", "ListOrganizationalUnitsForParent", "ListAccountsForParent", "ListAccounts", "DescribeOrganization",
        "ListTagsForResource",
    };

    public void Handle(string operation, Caller caller, JsonElement input, Utf8JsonWriter writer)
    {
        Authorize(operation, caller);
        var organization = world.Organization;
        writer.WriteStartObject();
        switch (operation)
        {
            case "DescribeOrganization":
                writer.WriteStartObject("Organization");
                writer.WriteString("Id", organization.Id);
                writer.WriteString("Arn", organization.Arn);
                writer.WriteString("FeatureSet", "ALL");
                writer.WriteString("MasterAccountArn", organization.Accounts[0].Arn);
                writer.WriteString("MasterAccountId", organization.ManagementAccountId);
                writer.WriteString("MasterAccountEmail", organization.Accounts[0].Email);
                writer.WriteStartArray("AvailablePolicyTypes");
                WritePolicyType(writer);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case "ListRoots":
                WritePage(writer, "Roots", "ListRoots", input, [organization.RootId], (w, rootId) =>
                {
                    w.WriteStartObject();
                    w.WriteString("Id", rootId);
                    w.WriteString("Arn", $"arn:aws:organizations::{organization.ManagementAccountId}:root/{organization.Id}/{rootId}");
                    w.WriteString("Name", "Root");
                    w.WriteStartArray("PolicyTypes");
                    WritePolicyType(w);
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                break;
            case "ListOrganizationalUnitsForParent":
            {
                var parentId = RequireParent(input);
                WritePage(writer, "OrganizationalUnits", "ListOrganizationalUnitsForParent/" + parentId, input, world.UnitsUnder(parentId), (w, unit) =>
                {
                    w.WriteStartObject();
                    w.WriteString("Id", unit.Id);
                    w.WriteString("Arn", unit.Arn);
                    w.WriteString("Name", unit.Name);
                    w.WriteEndObject();
                });
                break;
            }

            case "ListAccountsForParent":
            {
                var parentId = RequireParent(input);
                WritePage(writer, "Accounts", "ListAccountsForParent/" + parentId, input, world.AccountsUnder(parentId), WriteAccount);
                break;
            }

            case "ListTagsForResource":
            {
                var resourceId = RequireTaggable(input, caller);
                WritePage(writer, "Tags", "ListTagsForResource/" + resourceId, input, TagsOf(resourceId), (w, tag) =>
                {
                    w.WriteStartObject();
                    w.WriteString("Key", tag.Key);
                    w.WriteString("Value", tag.Value);
                    w.WriteEndObject();
                });
                break;
            }

            default:
                WritePage(writer, "Accounts", "ListAccounts", input, organization.Accounts, WriteAccount);
                break;
        }

        writer.WriteEndObject();
    }

    private static void Authorize(string operation, Caller caller)
    {
        // As in a real organization, every account (the hub and the aggregator's included) is a
        // member: any of them may describe the organization, only the management account's role list it.
        if (caller.Kind == CallerKind.ListOrgSession || operation == "DescribeOrganization")
        {
            return;
        }

        throw AwsServiceException.BadRequest(
            "AccessDeniedException",
            $"You don't have permissions to access this resource. User: {caller.Arn} is not authorized to perform: organizations:{operation}");
    }

    private static void WritePolicyType(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("Type", "SERVICE_CONTROL_POLICY");
        writer.WriteString("Status", "ENABLED");
        writer.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter writer, SimulatedAccount account)
    {
        writer.WriteStartObject();
        writer.WriteString("Id", account.Id);
        writer.WriteString("Arn", account.Arn);
        writer.WriteString("Email", account.Email);
        writer.WriteString("Name", account.Name);
        writer.WriteString("Status", account.Status);
        writer.WriteString("JoinedMethod", account.IsManagement ? "CREATED" : "INVITED");
        writer.WriteTimestamp("JoinedTimestamp", account.JoinedAt);
        writer.WriteEndObject();
    }

    /// <summary>An account, OU or root id; accounts set to deny tags answer AccessDeniedException as an IAM condition would.</summary>
    private string RequireTaggable(JsonElement input, Caller caller)
    {
        var resourceId = JsonInput.String(input, "ResourceId")
            ?? throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that does not match the required pattern: ResourceId is required.", "INPUT_REQUIRED");
        if (!TaggableIdPattern().IsMatch(resourceId))
        {
            throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that does not match the required pattern.", "INVALID_PATTERN");
        }

        if (AccountIdPattern().IsMatch(resourceId))
        {
            var account = world.FindAccount(resourceId)
                ?? throw AwsServiceException.BadRequest("TargetNotFoundException", "We can't find a target with the TargetId that you specified.");
            if (account.TagsDenied)
            {
                throw AwsServiceException.BadRequest(
                    "AccessDeniedException",
                    $"You don't have permissions to access this resource. User: {caller.Arn} is not authorized to perform: organizations:ListTagsForResource on resource: {account.Arn}");
            }

            return resourceId;
        }

        return world.ParentExists(resourceId)
            ? resourceId
            : throw AwsServiceException.BadRequest("TargetNotFoundException", "We can't find a target with the TargetId that you specified.");
    }

    private IReadOnlyList<KeyValuePair<string, string>> TagsOf(string resourceId) =>
        world.FindAccount(resourceId)?.Tags ?? [];

    private string RequireParent(JsonElement input)
    {
        var parentId = JsonInput.String(input, "ParentId")
            ?? throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that does not match the required pattern: ParentId is required.", "INPUT_REQUIRED");
        if (!ParentIdPattern().IsMatch(parentId))
        {
            throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that does not match the required pattern.", "INVALID_PATTERN");
        }

        return world.ParentExists(parentId)
            ? parentId
            : throw AwsServiceException.BadRequest("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
    }

    private void WritePage<T>(Utf8JsonWriter writer, string member, string scope, JsonElement input, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        var maxResults = JsonInput.Integer(input, "MaxResults") ?? DefaultMaxResults;
        if (maxResults < 1)
        {
            throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that is too small for MaxResults: the minimum is 1.", "MIN_VALUE_EXCEEDED");
        }

        if (maxResults > 20)
        {
            throw AwsServiceException.BadRequest("InvalidInputException", "You provided a value that is too large for MaxResults: the maximum is 20.", "MAX_VALUE_EXCEEDED");
        }

        var requestToken = JsonInput.String(input, "NextToken");
        var offset = 0;
        var emptyServed = false;
        if (requestToken is not null && (!PageToken.TryDecode(requestToken, scope, out offset, out emptyServed) || offset > items.Count))
        {
            throw AwsServiceException.BadRequest("InvalidInputException", "The specified pagination token is not valid.", "INVALID_NEXT_TOKEN");
        }

        writer.WriteStartArray(member);
        string? next;
        // About one page in four comes back empty but with a NextToken, as AWS Organizations does
        // (never for the single root, which callers commonly read without paginating).
        if (!emptyServed && offset < items.Count && scope != "ListRoots" && StableHash.Of(seed, "empty-page", scope, offset.ToString(CultureInfo.InvariantCulture)) % 4 == 0)
        {
            next = PageToken.Encode(scope, offset, emptyPageServed: true);
        }
        else
        {
            var end = Math.Min(items.Count, offset + maxResults);
            for (var i = offset; i < end; i++)
            {
                writeItem(writer, items[i]);
            }

            next = end < items.Count ? PageToken.Encode(scope, end, emptyPageServed: false) : null;
        }

        writer.WriteEndArray();
        writer.WriteNextToken("NextToken", paging.Next(requestToken, next));
    }

    [GeneratedRegex("^(r-[0-9a-z]{4,32})|(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    private static partial Regex ParentIdPattern();

    [GeneratedRegex("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\\d{12})$")]
    private static partial Regex TaggableIdPattern();

    [GeneratedRegex("^\\d{12}$")]
    private static partial Regex AccountIdPattern();
}
