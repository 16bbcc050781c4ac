namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>
/// An AWS managed rule the generator deploys. <paramref name="FailureFactor"/> scales the
/// account's non-compliance probability: some checks fail far more often than others in real fleets.
/// <paramref name="Identifier"/> is the managed rule's identifier where AWS did not derive it from
/// the name (restricted-ssh is INCOMING_SSH_DISABLED); AWS Config's managed rules list gives both.
/// </summary>
internal sealed record RuleTemplate(string Name, string ResourceType, string Description, string Annotation, double FailureFactor, string? Identifier = null)
{
    /// <summary>The <c>Source.SourceIdentifier</c> DescribeConfigRules returns: as AWS names it, else the upper-case name.</summary>
    public string SourceIdentifier => Identifier ?? Name.ToUpperInvariant().Replace('-', '_');
}
