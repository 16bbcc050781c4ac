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

    [Fact]
    public void The_next_run_starts_at_the_limit_found_below_it_when_throttled_often_and_not_there_when_never_throttled_or_far_outrun()
    {
        Assert.Equal(3.2, new OperationPacing(Details, 100, 5, 3.5, 3.2).NextStartRequestsPerSecond, 9);
        Assert.Equal(3.2 * 0.9, new OperationPacing(Details, 100, 6, 3.5, 3.2).NextStartRequestsPerSecond, 9);
        Assert.Equal(0, new OperationPacing(Details, 100, 0, 8).NextStartRequestsPerSecond);
        Assert.Equal(0, new OperationPacing(Details, 100, 1, 8, 3.9).NextStartRequestsPerSecond);
    }
}
