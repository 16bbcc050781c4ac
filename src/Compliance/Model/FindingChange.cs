namespace ComplianceReport.Compliance.Model;

/// <summary>A non-compliant finding that appeared or went away since the previous run.</summary>
public sealed record FindingChange(ChangeKind Kind, Finding Finding);
