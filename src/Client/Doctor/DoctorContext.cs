using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Client.Doctor;

/// <summary>What earlier checks found that later ones need: the organization check's accounts feed the read-role check.</summary>
public sealed class DoctorContext(int? sample)
{
    /// <summary>Check the read role in only this many accounts (spread over the organization); null: all.</summary>
    public int? Sample { get; } = sample;

    /// <summary>The ACTIVE accounts in scope, or null when the organization could not be listed.</summary>
    public IReadOnlyList<OrganizationAccount>? Accounts { get; set; }
}
