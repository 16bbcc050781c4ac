namespace ComplianceReport.AwsSimulator.Model;

/// <summary>
/// The generated organization. <see cref="Accounts"/> holds the management account first, then
/// the members, in ListAccounts order. The hub account (the caller of AssumeRole) is outside it.
/// </summary>
public sealed record SimulatedOrganization(
    string Id,
    string Arn,
    string RootId,
    string ManagementAccountId,
    string HubAccountId,
    IReadOnlyList<string> Regions,
    IReadOnlyList<SimulatedOrganizationalUnit> OrganizationalUnits,
    IReadOnlyList<SimulatedAccount> Accounts);
