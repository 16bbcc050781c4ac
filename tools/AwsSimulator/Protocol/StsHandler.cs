using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using ComplianceReport.AwsSimulator.Auth;
using ComplianceReport.AwsSimulator.Faults;
using ComplianceReport.AwsSimulator.Generation;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// STS over the query protocol: AssumeRole into the two roles of the IAM model, and
/// GetCallerIdentity. Answers are XML in the 2011-06-15 namespace.
/// </summary>
internal sealed partial class StsHandler(ComplianceWorld world, AggregatorView aggregator, CredentialStore credentials, SimulatorClock clock)
{
    public const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    public const string ListOrgRoleName = "system-config-report-generator-list-org-role";
    public const string ReadRoleName = "system-config-report-generator-read-role";
    public const string AggregatorRoleName = "system-config-report-generator-aggregator-read-role";

    /// <summary>The hub identity stands for the ECS task role, so its sessions are chained: at most one hour.</summary>
    private const int ChainedMaxSeconds = 3600;
    private const int MinSeconds = 900;

    public static readonly IReadOnlySet<string> Operations = new HashSet<string>(StringComparer.Ordinal) { "AssumeRole", "GetCallerIdentity" };

    public string Handle(string operation, Caller caller, IReadOnlyDictionary<string, string> parameters, string requestId) =>
        operation == "AssumeRole" ? AssumeRole(caller, parameters, requestId) : GetCallerIdentity(caller, requestId);

    public static string ErrorXml(AwsServiceException error, string requestId) =>
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>{(error.StatusCode >= 500 ? "Receiver" : "Sender")}</Type>" +
        $"<Code>{Escape(error.Code)}</Code><Message>{Escape(error.Message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";

    private static string GetCallerIdentity(Caller caller, string requestId) =>
        $"<GetCallerIdentityResponse xmlns=\"{Namespace}\"><GetCallerIdentityResult>" +
        $"<Arn>{Escape(caller.Arn)}</Arn><UserId>{Escape(caller.UserId)}</UserId><Account>{caller.AccountId}</Account>" +
        $"</GetCallerIdentityResult><ResponseMetadata><RequestId>{requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>";

    private string AssumeRole(Caller caller, IReadOnlyDictionary<string, string> parameters, string requestId)
    {
        var roleArn = parameters.GetValueOrDefault("RoleArn");
        var sessionName = parameters.GetValueOrDefault("RoleSessionName");
        if (roleArn is null)
        {
            throw Validation("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }

        if (sessionName is null || !SessionNamePattern().IsMatch(sessionName))
        {
            throw Validation($"1 validation error detected: Value '{sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*");
        }

        var duration = ChainedMaxSeconds;
        if (parameters.TryGetValue("DurationSeconds", out var durationText))
        {
            if (!int.TryParse(durationText, NumberStyles.None, CultureInfo.InvariantCulture, out duration) || duration < MinSeconds)
            {
                throw Validation($"1 validation error detected: Value '{durationText}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to {MinSeconds}");
            }

            if (duration > ChainedMaxSeconds)
            {
                throw Validation("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
            }
        }

        var match = RoleArnPattern().Match(roleArn);
        if (!match.Success)
        {
            throw Validation($"{roleArn} is invalid");
        }

        var accountId = match.Groups["account"].Value;
        var roleName = match.Groups["role"].Value;
        var account = world.FindAccount(accountId);
        var kind = roleName switch
        {
            ListOrgRoleName when accountId == world.Organization.ManagementAccountId => CallerKind.ListOrgSession,
            ReadRoleName => CallerKind.ReadSession,
            AggregatorRoleName when accountId == aggregator.AccountId => CallerKind.AggregatorSession,
            _ => (CallerKind?)null,
        };

        // Only the hub may assume the roles (their trust policies name the write role alone);
        // denied accounts' read roles do not trust it and suspended accounts cannot be entered.
        if (caller.Kind != CallerKind.Hub || kind is null || account is null || account.IsSuspended || (kind == CallerKind.ReadSession && account.IsDenied))
        {
            throw new AwsServiceException(403, "AccessDenied", $"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        var roleId = "AROA" + ((StableHash.Of(0, roleArn) % 1_000_000_000_000UL).ToString("D16", CultureInfo.InvariantCulture));
        var assumedArn = $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}";
        var expiration = clock.UtcNow.AddSeconds(duration);
        var session = credentials.IssueSession(new Caller(kind.Value, accountId, assumedArn, $"{roleId}:{sessionName}"), expiration);

        var xml = new StringBuilder(1024);
        xml.Append("<AssumeRoleResponse xmlns=\"").Append(Namespace).Append("\"><AssumeRoleResult>")
            .Append("<AssumedRoleUser><AssumedRoleId>").Append(roleId).Append(':').Append(Escape(sessionName)).Append("</AssumedRoleId>")
            .Append("<Arn>").Append(Escape(assumedArn)).Append("</Arn></AssumedRoleUser>")
            .Append("<Credentials><AccessKeyId>").Append(session.AccessKeyId).Append("</AccessKeyId>")
            .Append("<SecretAccessKey>").Append(Escape(session.SecretAccessKey)).Append("</SecretAccessKey>")
            .Append("<SessionToken>").Append(Escape(session.SessionToken!)).Append("</SessionToken>")
            .Append("<Expiration>").Append(expiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</Expiration></Credentials>")
            .Append("<PackedPolicySize>0</PackedPolicySize>")
            .Append("</AssumeRoleResult><ResponseMetadata><RequestId>").Append(requestId).Append("</RequestId></ResponseMetadata></AssumeRoleResponse>");
        return xml.ToString();
    }

    private static AwsServiceException Validation(string message) => AwsServiceException.BadRequest("ValidationError", message);

    private static string Escape(string value) => SecurityElement.Escape(value);

    [GeneratedRegex("^arn:aws:iam::(?<account>[0-9]{12}):role/(?<role>[\\w+=,.@/-]{1,512})$")]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex("^[\\w+=,.@-]{2,64}$")]
    private static partial Regex SessionNamePattern();
}
