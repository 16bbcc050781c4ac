using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Deploy.Tests.Support;

/// <summary>
/// Debian's AWS CLI v2 (/usr/bin/aws) against a local endpoint with given credentials: the same
/// client an operator uses to deploy the templates.
/// </summary>
public sealed class AwsCli
{
    private readonly string _executable = RequiredTool.Find("apt-get install awscli (Debian's AWS CLI v2)", "/usr/bin/aws");
    private readonly string _endpoint;
    private readonly IReadOnlyDictionary<string, string> _credentials;

    public AwsCli(string endpoint, string accessKeyId = "testing", string secretAccessKey = "testing", string? sessionToken = null)
    {
        _endpoint = endpoint;
        var credentials = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = accessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secretAccessKey,
        };
        if (sessionToken is not null)
        {
            credentials["AWS_SESSION_TOKEN"] = sessionToken;
        }

        _credentials = credentials;
    }

    /// <summary>A CLI acting in another account, through sts:AssumeRole (moto switches account on it).</summary>
    public async Task<AwsCli> InAccountAsync(string accountId)
    {
        var assumed = await RunAsync("sts", "assume-role", "--role-arn", $"arn:aws:iam::{accountId}:role/deployer", "--role-session-name", "deploy-tests");
        var credentials = assumed["Credentials"]!;
        return new AwsCli(_endpoint, (string)credentials["AccessKeyId"]!, (string)credentials["SecretAccessKey"]!, (string)credentials["SessionToken"]!);
    }

    public async Task<JsonNode> RunAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(["--endpoint-url", _endpoint, "--region", "us-east-1", "--output", "json"]))
        {
            info.ArgumentList.Add(argument);
        }

        // Only these credentials: never an operator's profile or config on the machine.
        info.Environment.Remove("AWS_PROFILE");
        info.Environment.Remove("AWS_SESSION_TOKEN");
        info.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        info.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        info.Environment["AWS_PAGER"] = string.Empty;
        foreach (var (key, value) in _credentials)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aws {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr}");
        }

        var text = await stdout;
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Creates a stack from a template in deploy/cloudformation and returns its outputs once complete.</summary>
    public async Task<Dictionary<string, string>> CreateStackAsync(string stackName, string templateFile, IReadOnlyDictionary<string, string> parameters)
    {
        var parameterJson = JsonSerializer.Serialize(parameters.Select(p => new Dictionary<string, string>
        {
            ["ParameterKey"] = p.Key,
            ["ParameterValue"] = p.Value,
        }));
        await RunAsync(
            "cloudformation", "create-stack",
            "--stack-name", stackName,
            "--template-body", "file://" + RepoPaths.Template(templateFile),
            "--capabilities", "CAPABILITY_NAMED_IAM",
            "--parameters", parameterJson);

        for (var attempt = 0; attempt < 60; attempt++)
        {
            var stack = (await RunAsync("cloudformation", "describe-stacks", "--stack-name", stackName))["Stacks"]![0]!;
            var status = (string)stack["StackStatus"]!;
            if (status == "CREATE_COMPLETE")
            {
                return (stack["Outputs"]?.AsArray() ?? [])
                    .ToDictionary(o => (string)o!["OutputKey"]!, o => (string)o!["OutputValue"]!);
            }

            if (!status.EndsWith("_IN_PROGRESS", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{stackName} ended in {status}: {stack["StackStatusReason"]}");
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{stackName} did not complete.");
    }
}
