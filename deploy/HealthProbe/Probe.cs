namespace ComplianceReport.HealthProbe;

/// <summary>
/// One HTTP GET against a health endpoint, mapped to the exit codes Docker and ECS health
/// checks expect: 0 healthy, 1 unhealthy.
/// </summary>
public static class Probe
{
    public const int Healthy = 0;
    public const int Unhealthy = 1;

    public static async Task<int> CheckAsync(Uri url, TimeSpan timeout, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(error);

        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            if (response.IsSuccessStatusCode)
            {
                return Healthy;
            }

            // Docker keeps the last probe output in `docker inspect`: say why.
            await error.WriteLineAsync($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}");
            return Unhealthy;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"{url} unreachable: {ex.Message}");
            return Unhealthy;
        }
        catch (TaskCanceledException)
        {
            await error.WriteLineAsync($"{url} did not answer within {timeout.TotalSeconds:0} s");
            return Unhealthy;
        }
    }
}
