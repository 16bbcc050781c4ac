using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplianceReport.Delivery.Jira;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Client.Doctor;

/// <summary>Jira accepts the token (<c>myself</c>), and the project and issue type the ticket uses exist.</summary>
public sealed class JiraCheck(HttpClient http, IOptions<JiraOptions> options) : IDoctorCheck
{
    public string Name => "Jira";

    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var jira = options.Value;
        if (!jira.Enabled)
        {
            return [DoctorCheckResult.Skip(Name, "Jira delivery is off (Jira:BaseUrl is empty)")];
        }

        if (jira.DryRun)
        {
            return [DoctorCheckResult.Skip(Name, "Jira:DryRun is true: tickets are written to files, Jira is not called")];
        }

        var api = $"rest/api/{jira.ApiVersion.ToString(CultureInfo.InvariantCulture)}/";
        var baseUri = JiraClient.BaseUri(jira.BaseUrl);
        var auth = jira.ApiVersion == JiraOptions.CloudApiVersion
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{jira.Email}:{jira.ApiToken}")))
            : new AuthenticationHeaderValue("Bearer", jira.ApiToken);
        try
        {
            using var me = await GetAsync(new Uri(baseUri, api + "myself"), auth, cancellationToken).ConfigureAwait(false);
            if (me.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return [DoctorCheckResult.Fail(Name, $"{jira.BaseUrl} rejected the credentials ({(int)me.StatusCode})",
                    jira.ApiVersion == JiraOptions.CloudApiVersion
                        ? "Set Jira__ApiToken to a valid API token of the account in Jira:Email (on ECS: update the Secrets Manager secret and restart the tasks)."
                        : "Set Jira__ApiToken to a valid personal access token (on ECS: update the Secrets Manager secret and restart the tasks).")];
            }

            if (!me.IsSuccessStatusCode)
            {
                return [DoctorCheckResult.Fail(Name, $"GET {api}myself answered {(int)me.StatusCode}",
                    "Check Jira:BaseUrl (the site URL, e.g. https://example.atlassian.net) and Jira:ApiVersion (3 Cloud, 2 Data Center).")];
            }

            var user = ReadString(await me.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false), "displayName") ?? "(no name)";
            using var project = await GetAsync(new Uri(baseUri, api + "project/" + Uri.EscapeDataString(jira.ProjectKey)), auth, cancellationToken).ConfigureAwait(false);
            if (!project.IsSuccessStatusCode)
            {
                return [DoctorCheckResult.Fail(Name, $"authenticated as {user}, but project {jira.ProjectKey} was not found ({(int)project.StatusCode})",
                    "Set Jira:ProjectKey to an existing project key, and give the account Browse and Create permission in it.")];
            }

            using var document = JsonDocument.Parse(await project.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            if (document.RootElement.TryGetProperty("issueTypes", out var types) && types.ValueKind == JsonValueKind.Array)
            {
                var names = types.EnumerateArray().Select(t => t.TryGetProperty("name", out var n) ? n.GetString() : null).OfType<string>().ToList();
                if (!names.Contains(jira.IssueType, StringComparer.OrdinalIgnoreCase))
                {
                    return [DoctorCheckResult.Fail(Name, $"project {jira.ProjectKey} has no issue type '{jira.IssueType}' (it has {string.Join(", ", names)})",
                        "Set Jira:IssueType to one of the project's issue types.")];
                }
            }

            return [DoctorCheckResult.Pass(Name, $"authenticated as {user}; project {jira.ProjectKey} and issue type {jira.IssueType} exist")];
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return [DoctorCheckResult.Fail(Name, $"{jira.BaseUrl} could not be reached: {DoctorText.FirstLine(ex.Message)}",
                "Check Jira:BaseUrl and that the hub's subnets can reach it (NAT or proxy).")];
        }
    }

    private async Task<HttpResponseMessage> GetAsync(Uri uri, AuthenticationHeaderValue auth, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = auth;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static string? ReadString(string json, string property)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
