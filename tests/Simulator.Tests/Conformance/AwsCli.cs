using System.Text.Json;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>Debian's awscli (/usr/bin/aws 2.9) pointed at the simulator, with credentials from the environment only.</summary>
internal sealed class AwsCli(Uri endpoint)
{
    private readonly string _aws = RequiredTool.Find("sudo apt-get install -y awscli (Debian's awscli 2.9 at /usr/bin/aws)", "/usr/bin/aws");

    public async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(
        (string KeyId, string Secret, string? Token) credentials,
        string region,
        params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.KeyId,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.Secret,
            ["AWS_SESSION_TOKEN"] = credentials.Token,
            ["AWS_PROFILE"] = null,
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_PAGER"] = string.Empty,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            // One attempt: the test wants to see the error code, not the CLI's retries.
            ["AWS_RETRY_MODE"] = "standard",
            ["AWS_MAX_ATTEMPTS"] = "1",
        };
        return await ProcessRunner.RunAsync(
            _aws,
            ["--endpoint-url", endpoint.ToString().TrimEnd('/'), "--region", region, "--output", "json", .. arguments],
            environment);
    }

    /// <summary>Runs a command that must succeed and returns its JSON output.</summary>
    public async Task<JsonElement> JsonAsync((string KeyId, string Secret, string? Token) credentials, string region, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync(credentials, region, arguments);
        Assert.True(exitCode == 0, $"aws {string.Join(' ', arguments)} failed ({exitCode}): {stderr}");
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    public async Task<(string KeyId, string Secret, string? Token)> AssumeRoleAsync((string KeyId, string Secret, string? Token) hub, string roleArn)
    {
        var answer = await JsonAsync(hub, "us-east-1", "sts", "assume-role", "--role-arn", roleArn, "--role-session-name", "awscli-conformance");
        var credentials = answer.GetProperty("Credentials");
        return (credentials.GetProperty("AccessKeyId").GetString()!, credentials.GetProperty("SecretAccessKey").GetString()!, credentials.GetProperty("SessionToken").GetString());
    }
}
