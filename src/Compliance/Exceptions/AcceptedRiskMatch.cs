using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// The entry that covers a finding. <see cref="Expired"/>: the entry matched but its expiry has
/// passed, so the finding counts again and is flagged "exception expired &lt;date&gt;".
/// </summary>
public sealed record AcceptedRiskMatch(AcceptedRisk Entry, bool Expired);
