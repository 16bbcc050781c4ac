using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ComplianceReport.JiraListener;

namespace ComplianceReport.Delivery.Tests.Jira;

/// <summary>The fake must reject what Jira rejects, or the sink tests prove nothing.</summary>
public sealed class FakeJiraTests
{
    [Theory]
    [InlineData("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"s","description":"plain text","labels":["a"]}}""", "description")]
    [InlineData("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"s","description":{"version":1,"type":"doc","content":[{"type":"mention","attrs":{"id":"1"}}]},"labels":["a"]}}""", "description")]
    [InlineData("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"s","description":{"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":""}]}]},"labels":["a"]}}""", "description")]
    [InlineData("""{"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"s","description":{"version":1,"type":"doc","content":[]},"labels":["a"]}}""", "project")]
    [InlineData("""{"fields":{"project":{"key":"SEC"},"summary":"s","description":{"version":1,"type":"doc","content":[]},"labels":["a"]}}""", "issuetype")]
    [InlineData("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"s","description":{"version":1,"type":"doc","content":[]},"labels":["two words"]}}""", "labels")]
    public async Task Creates_that_Jira_Cloud_would_reject_get_a_400_naming_the_field(string body, string field)
    {
        await using var fake = new FakeJira(3, "Bearer t");
        using var http = new HttpClient();

        using var response = await Send(http, fake, "rest/api/3/issue", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(fake.Issues);
    }

    [Fact]
    public async Task Attachments_without_the_XSRF_header_are_refused()
    {
        await using var fake = new FakeJira(3, "Bearer t");
        using var http = new HttpClient();
        using var created = await Send(http, fake, "rest/api/3/issue", new StringContent("""{"fields":{"project":{"key":"SEC"},"issuetype":{"name":"Task"},"summary":"s","description":{"version":1,"type":"doc","content":[]},"labels":["a"]}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var response = await Send(http, fake, "rest/api/3/issue/SEC-1/attachments", new MultipartFormDataContent { { new ByteArrayContent([1]), "file", "x.xlsx" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(fake.Issues.Single().Attachments);
    }

    [Fact]
    public async Task Requests_without_the_expected_credentials_get_a_401()
    {
        await using var fake = new FakeJira(3, "Bearer right");
        using var http = new HttpClient();

        using var response = await Send(http, fake, "rest/api/3/search/jql", new StringContent("""{"jql":"labels = \"x\""}"""), "Bearer wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, FakeJira fake, string path, HttpContent content, string authorization = "Bearer t")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{fake.BaseUrl}/{path}") { Content = content };
        request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        return http.SendAsync(request);
    }
}
