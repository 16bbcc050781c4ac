using ComplianceReport.Aws.Compliance;

namespace ComplianceReport.Aws.Tests.Compliance;

public sealed class StringPoolTests
{
    [Fact]
    public void Equal_values_share_one_instance()
    {
        var pool = new StringPool(capacity: 10);
        var first = new string("s3-bucket-versioning-enabled".AsSpan());
        var second = new string("s3-bucket-versioning-enabled".AsSpan());

        Assert.NotSame(first, second);
        Assert.Same(pool.Share(first), pool.Share(second));
        Assert.Null(pool.Share(null));
    }

    [Fact]
    public void Past_its_capacity_new_values_pass_through_and_known_ones_stay_shared()
    {
        var pool = new StringPool(capacity: 2);
        var a = pool.Share(new string('a', 3));
        pool.Share(new string('b', 3));

        var unknown = new string('c', 3);
        Assert.Same(unknown, pool.Share(unknown));
        Assert.NotSame(pool.Share(new string('c', 3)), pool.Share(new string('c', 3)));
        Assert.Same(a, pool.Share(new string('a', 3)));
    }
}
