using ComplianceReport.Grains.Interfaces.Accounts;

namespace ComplianceReport.Grains.Tests;

public sealed class OperationPacingTests
{
    private const string Details = "GetComplianceDetailsByConfigRule";

    [Fact]
    public void Merging_adds_calls_keeps_the_peak_and_takes_the_median_of_the_limits_found_ignoring_scans_never_throttled()
    {
        var merged = OperationPacing.Merge(
        [
            [new OperationPacing(Details, 60, 3, 1.4, 1.1)],
            [new OperationPacing(Details, 55, 0, 2.0)],
            [new OperationPacing(Details, 58, 2, 1.3, 0.4), new OperationPacing("ListTagsForResource", 1, 0, 1)],
            null,
            [new OperationPacing(Details, 61, 4, 1.5, 1.2)],
        ]);

        Assert.Equal(
            [new OperationPacing(Details, 234, 9, 2.0, 1.1), new OperationPacing("ListTagsForResource", 1, 0, 1, 0)],
            merged);

        var even = OperationPacing.Merge([[new OperationPacing(Details, 1, 1, 1, 1.0)], [new OperationPacing(Details, 1, 1, 1, 3.0)]]);
        Assert.Equal(2.0, Assert.Single(even).ThrottledAtRequestsPerSecond, 9);
    }
}
