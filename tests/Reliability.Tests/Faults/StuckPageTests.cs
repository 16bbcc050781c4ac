using ComplianceReport.Aws.Client;

namespace ComplianceReport.Reliability.Tests.Faults;

/// <summary>A page that repeats its own NextToken is asked for again; its items count once.</summary>
public sealed class StuckPageTests
{
    [Fact]
    public async Task A_page_that_repeats_its_request_token_is_fetched_again_and_read_once()
    {
        var calls = new List<string?>();
        var stuckOnce = new HashSet<string?> { "t1", "t2" };
        Task<(string[] Items, string? Next)> FetchAsync(string? token, CancellationToken ct)
        {
            calls.Add(token);
            (string[], string?) page = token switch
            {
                null => (["a"], "t1"),
                "t1" => (["b"], stuckOnce.Remove("t1") ? "t1" : "t2"),
                _ => (["c"], stuckOnce.Remove("t2") ? "t2" : null),
            };
            return Task.FromResult(page);
        }

        var items = await AwsPaginator.ReadAllAsync<(string[] Items, string? Next), string>("List", FetchAsync, p => p.Next, p => p.Items, CancellationToken.None);

        Assert.Equal(["a", "b", "c"], items);
        Assert.Equal([null, "t1", "t1", "t2", "t2"], calls);
    }

    [Fact]
    public async Task A_page_that_stays_stuck_fails_with_the_operation_named()
    {
        var calls = 0;
        Task<(string[] Items, string? Next)> FetchAsync(string? token, CancellationToken ct)
        {
            calls++;
            return Task.FromResult<(string[], string?)>((["x"], "same"));
        }

        var error = await Assert.ThrowsAsync<AwsPaginationException>(
            () => AwsPaginator.ReadAllAsync<(string[] Items, string? Next), string>("ListStuck", FetchAsync, p => p.Next, p => p.Items, CancellationToken.None));

        Assert.Equal("ListStuck", error.Operation);
        Assert.Equal(2 + AwsPaginator.MaxStuckPageRetries, calls);
    }
}
