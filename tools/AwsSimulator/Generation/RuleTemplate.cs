namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// An AWS managed rule the generator deploys. <paramref name="FailureFactor"/> scales the
/// account's non-compliance probability: some checks fail far more often than others in real fleets.
/// </summary>
internal sealed record RuleTemplate(string Name, string ResourceType, string Description, string Annotation, double FailureFactor)
{
    /// <summary>AWS managed rules are identified by the upper-case name (with a few historical exceptions we do not model).</summary>
    public string SourceIdentifier => Name.ToUpperInvariant().Replace('-', '_');
}
