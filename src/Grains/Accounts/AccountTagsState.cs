using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Accounts;

/// <summary>What the account tags grain persists.</summary>
[GenerateSerializer, Alias("ComplianceReport.AccountTagsState")]
public sealed class AccountTagsState
{
    [Id(0)]
    public AccountTagsCache Cache { get; set; } = AccountTagsCache.Empty;
}
