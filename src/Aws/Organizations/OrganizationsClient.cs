using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.RateLimiting;

namespace ComplianceReport.Aws.Organizations;

/// <summary>
/// Typed AWS Organizations operations over <see cref="AwsJsonClient"/>. List calls return every
/// page (MaxResults 20, the model's maximum). Every call and page waits on
/// <paramref name="pacer"/> (a rate limiter) and tells it how AWS answered.
/// </summary>
public sealed class OrganizationsClient(AwsJsonClient client, IRequestPacer? pacer = null)
{
    /// <summary>The model's maximum for every ListX operation.</summary>
    public const int MaxResults = 20;

    public Task<IReadOnlyList<OrganizationRoot>> ListRootsAsync(CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "ListRoots",
            (token, ct) => CallAsync<ListRootsRequest, ListRootsResponse>("ListRoots", new ListRootsRequest(token, MaxResults), ct),
            page => page.NextToken,
            page => page.Roots,
            cancellationToken);

    public Task<IReadOnlyList<OrganizationalUnit>> ListOrganizationalUnitsForParentAsync(string parentId, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "ListOrganizationalUnitsForParent",
            (token, ct) => CallAsync<ListChildrenRequest, ListOrganizationalUnitsResponse>(
                "ListOrganizationalUnitsForParent", new ListChildrenRequest(parentId, token, MaxResults), ct),
            page => page.NextToken,
            page => page.OrganizationalUnits,
            cancellationToken);

    public Task<IReadOnlyList<OrganizationMemberAccount>> ListAccountsForParentAsync(string parentId, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "ListAccountsForParent",
            (token, ct) => CallAsync<ListChildrenRequest, ListAccountsResponse>(
                "ListAccountsForParent", new ListChildrenRequest(parentId, token, MaxResults), ct),
            page => page.NextToken,
            page => page.Accounts,
            cancellationToken);

    public Task<IReadOnlyList<OrganizationMemberAccount>> ListAccountsAsync(CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "ListAccounts",
            (token, ct) => CallAsync<ListAccountsRequest, ListAccountsResponse>("ListAccounts", new ListAccountsRequest(token, MaxResults), ct),
            page => page.NextToken,
            page => page.Accounts,
            cancellationToken);

    /// <summary>The flat account list page by page, so a caller can act on the first accounts while later pages are throttled.</summary>
    public IAsyncEnumerable<ListAccountsResponse> ListAccountsPagesAsync(CancellationToken cancellationToken) =>
        AwsPaginator.PagesAsync(
            "ListAccounts",
            (token, ct) => CallAsync<ListAccountsRequest, ListAccountsResponse>("ListAccounts", new ListAccountsRequest(token, MaxResults), ct),
            page => page.NextToken,
            cancellationToken);

    /// <summary>Every tag of an account, OU or root, following NextToken (pages may be empty while it is set).</summary>
    public Task<IReadOnlyList<OrganizationTag>> ListTagsForResourceAsync(string resourceId, CancellationToken cancellationToken) =>
        AwsPaginator.ReadAllAsync(
            "ListTagsForResource",
            (token, ct) => CallAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>(
                "ListTagsForResource", new ListTagsForResourceRequest(resourceId, token), ct),
            page => page.NextToken,
            page => page.Tags,
            cancellationToken);

    public async Task<OrganizationDescription> DescribeOrganizationAsync(CancellationToken cancellationToken)
    {
        var response = await CallAsync<EmptyRequest, DescribeOrganizationResponse>("DescribeOrganization", EmptyRequest.Instance, cancellationToken)
            .ConfigureAwait(false);
        return response.Organization
            ?? throw new AwsMalformedResponseException(client.Service.ServiceId, "DescribeOrganization", null, System.Net.HttpStatusCode.OK, "no Organization member");
    }

    private Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken) =>
        PacedCalls.InvokeAsync<TRequest, TResponse>(client, pacer, operation, request, cancellationToken);
}
