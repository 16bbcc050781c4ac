using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Owners;

namespace ComplianceReport.Compliance.Tests.Owners;

public sealed class AccountTagsRefreshTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-07T06:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(28);

    private static Dictionary<string, string> Owner(string owner) => new(StringComparer.Ordinal) { ["Owner"] = owner };

    private static AccountTagsCache Cache(params (string Id, string Owner, int DaysAgo, string? Failure)[] entries) =>
        new(entries.ToDictionary(
            e => e.Id,
            e => new CachedAccountTags(e.Failure is null ? Owner(e.Owner) : [], Now.AddDays(-e.DaysAgo), e.Failure),
            StringComparer.Ordinal));

    private static AccountTags Read(params (string Id, string Owner)[] read) =>
        new(read.ToDictionary(r => r.Id, r => (IReadOnlyDictionary<string, string>)Owner(r.Owner), StringComparer.Ordinal), null);

    [Fact]
    public void Only_new_accounts_and_tags_older_than_the_maximum_age_must_be_read()
    {
        var refresh = new AccountTagsRefresh(Cache(("fresh", "a", 3, null), ("old", "b", 28, null), ("denied", "", 40, "AccessDenied")), MaxAge, Now);

        Assert.False(refresh.MustRead("fresh"));
        Assert.True(refresh.MustRead("old"));
        Assert.True(refresh.MustRead("new"));
        // A failed read is not repeated before every evaluation: with many such accounts the chain would be back.
        Assert.False(refresh.MustRead("denied"));
    }

    [Fact]
    public void Renewal_takes_the_longest_unread_first_and_skips_what_must_be_read_anyway()
    {
        var refresh = new AccountTagsRefresh(Cache(("a", "x", 2, null), ("b", "x", 20, null), ("c", "x", 30, null), ("d", "", 10, "AccessDenied")), MaxAge, Now);

        Assert.Equal(["b", "d", "a"], refresh.Stalest(["a", "b", "c", "d", "new", "a"]));
    }

    [Fact]
    public void A_run_evaluates_with_what_it_read_and_the_cache_for_the_rest_and_reports_failures_old_and_new()
    {
        var refresh = new AccountTagsRefresh(Cache(("cached", "cached-owner", 3, null), ("read", "stale-owner", 30, null), ("denied", "", 7, "AccessDeniedException: no")), MaxAge, Now);
        var failing = new AccountTags(Read(("read", "fresh-owner")).ByAccountId, "x") { Failed = new Dictionary<string, string>(StringComparer.Ordinal) { ["new"] = "ThrottlingException: slow down" } };

        var tags = refresh.Tags(failing, ["cached", "read", "denied", "new"]);

        Assert.Equal("cached-owner", tags.For("cached")["Owner"]);
        Assert.Equal("fresh-owner", tags.For("read")["Owner"]);
        Assert.Empty(tags.For("denied"));
        Assert.Empty(tags.For("new"));
        Assert.Equal(["denied", "new"], tags.Failed.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ListTagsForResource failed for 2 of 4 accounts (some when last asked) (first denied: AccessDeniedException: no)", tags.Unavailable);
        Assert.Null(refresh.Tags(AccountTags.None, ["cached"]).Unavailable);
        Assert.Equal(
            "ListTagsForResource failed for 1 of 2 accounts when last asked (first denied: AccessDeniedException: no)",
            refresh.Tags(AccountTags.None, ["cached", "denied"]).Unavailable);
    }

    [Fact]
    public void The_next_cache_holds_this_organization_only_with_each_accounts_latest_read_and_failures_never_replace_tags()
    {
        var refresh = new AccountTagsRefresh(Cache(("kept", "k", 5, null), ("left", "l", 5, null), ("renewed", "old", 20, null), ("flaky", "f", 9, null)), MaxAge, Now);
        var required = new AccountTags(Read(("new", "n")).ByAccountId, null)
        {
            Failed = new Dictionary<string, string>(StringComparer.Ordinal) { ["flaky"] = "ThrottlingException", ["denied"] = "AccessDenied" },
        };
        var renewal = Read(("renewed", "fresh"));

        var next = refresh.Next(["kept", "renewed", "new", "flaky", "denied"], Now, required, renewal).ByAccountId;

        Assert.Equal(["denied", "flaky", "kept", "new", "renewed"], next.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Now.AddDays(-5), next["kept"].ReadAt);
        Assert.Equal(("fresh", Now), (next["renewed"].Tags["Owner"], next["renewed"].ReadAt));
        Assert.Equal(("n", Now), (next["new"].Tags["Owner"], next["new"].ReadAt));
        Assert.Equal(("f", Now.AddDays(-9), (string?)null), (next["flaky"].Tags["Owner"], next["flaky"].ReadAt, next["flaky"].Failure));
        Assert.Equal(("AccessDenied", Now), (next["denied"].Failure, next["denied"].ReadAt));
        Assert.Empty(next["denied"].Tags);
    }
}
