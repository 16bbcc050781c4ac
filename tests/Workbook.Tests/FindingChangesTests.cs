using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Workbook.Tests;

public sealed class FindingChangesTests
{
    [Fact]
    public void New_resolved_unchanged_and_flipped_findings()
    {
        var unchanged = SampleReports.Finding(1, 1);
        var resolved = SampleReports.Finding(1, 2);
        var appeared = SampleReports.Finding(1, 3);
        var flippedToBad = SampleReports.Finding(2, 4);
        var flippedToGood = SampleReports.Finding(2, 5);
        var stillCompliant = SampleReports.Finding(2, 6, ComplianceType.Compliant);

        var previous = new[]
        {
            unchanged, resolved, flippedToBad with { Compliance = ComplianceType.Compliant }, flippedToGood, stillCompliant,
        };
        var current = new[]
        {
            unchanged with { Annotation = "wording changed" }, appeared, flippedToBad, flippedToGood with { Compliance = ComplianceType.Compliant }, stillCompliant,
        };

        var changes = FindingChanges.Compute(previous, current);

        Assert.Equal(
            [
                (ChangeKind.New, appeared.ResourceId),
                (ChangeKind.New, flippedToBad.ResourceId),
                (ChangeKind.Resolved, resolved.ResourceId),
                (ChangeKind.Resolved, flippedToGood.ResourceId),
            ],
            changes.Select(c => (c.Kind, c.Finding.ResourceId)));
        Assert.Same(resolved, changes[2].Finding);
        Assert.Same(appeared, changes[0].Finding);
    }

    [Fact]
    public void Order_does_not_depend_on_input_order()
    {
        var previous = Enumerable.Range(0, 20).Select(n => SampleReports.Finding(n % 3, n)).ToList();
        var current = Enumerable.Range(10, 20).Select(n => SampleReports.Finding(n % 3, n)).ToList();

        var forward = FindingChanges.Compute(previous, current);
        var reversed = FindingChanges.Compute(Enumerable.Reverse(previous), Enumerable.Reverse(current));

        Assert.Equal(20, forward.Count);
        Assert.Equal(forward.Select(c => (c.Kind, c.Finding.Key)), reversed.Select(c => (c.Kind, c.Finding.Key)));
        Assert.Equal(forward.Where(c => c.Kind == ChangeKind.New).Select(c => c.Finding.Key).OrderBy(k => k.AccountId, StringComparer.Ordinal).ThenBy(k => k.Region, StringComparer.Ordinal).ThenBy(k => k.RuleName, StringComparer.Ordinal).ThenBy(k => k.ResourceId, StringComparer.Ordinal),
            forward.Where(c => c.Kind == ChangeKind.New).Select(c => c.Finding.Key));
    }

    [Fact]
    public void Same_sets_have_no_changes()
    {
        var findings = SampleReports.Findings(2, 6).ToList();

        Assert.Empty(FindingChanges.Compute(findings, findings));
    }
}
