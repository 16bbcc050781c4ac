using System.Runtime.CompilerServices;

namespace ComplianceReport.Aws.Client;

/// <summary>
/// Follows NextToken to the end. Empty pages that still carry a token are followed (Organizations
/// sends them); a token seen before means the service would loop forever, so it fails instead.
/// A page that hands back the very token it was asked with is a hiccup, not a loop: it is asked
/// for again (a few times) rather than failing the whole listing, and only the good answer counts.
/// </summary>
public static class AwsPaginator
{
    /// <summary>Extra requests for a page whose answer repeated the request's own NextToken.</summary>
    public const int MaxStuckPageRetries = 2;

    public static async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        string operation,
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        var pages = 0;
        do
        {
            var page = await fetch(token, cancellationToken).ConfigureAwait(false);
            for (var retry = 0; retry < MaxStuckPageRetries && token is not null && string.Equals(nextToken(page), token, StringComparison.Ordinal); retry++)
            {
                page = await fetch(token, cancellationToken).ConfigureAwait(false);
            }

            pages++;
            yield return page;
            token = nextToken(page);
            if (string.IsNullOrEmpty(token))
            {
                yield break;
            }

            if (!seen.Add(token))
            {
                throw new AwsPaginationException(operation, pages);
            }
        }
        while (true);
    }

    public static async Task<IReadOnlyList<TItem>> ReadAllAsync<TPage, TItem>(
        string operation,
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<TItem>?> items,
        CancellationToken cancellationToken)
    {
        var all = new List<TItem>();
        await foreach (var page in PagesAsync(operation, fetch, nextToken, cancellationToken).ConfigureAwait(false))
        {
            all.AddRange(items(page) ?? []);
        }

        return all;
    }
}
