namespace ComplianceReport.Aws.ConfigService;

/// <summary>Config's <c>Source</c> shape: <c>Owner</c> is AWS for managed rules, whose <c>SourceIdentifier</c> names the managed rule (e.g. <c>INCOMING_SSH_DISABLED</c>).</summary>
public sealed record ConfigRuleSource(string? Owner, string? SourceIdentifier);
