namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>A deployed rule; <see cref="ResourceIndexes"/> point into the region's resources it evaluates.</summary>
internal sealed record RuleData(RuleTemplate Template, string Arn, string Id, int[] ResourceIndexes, double FailureProbability)
{
    public string Name => Template.Name;
}
