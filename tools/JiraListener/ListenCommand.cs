using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.JiraListener;

/// <summary>
/// The suite's Jira stand-in as a program: a Jira Cloud (v3) or Data Center (v2) REST API on a
/// loopback port that checks what it is sent as Jira would, logs one line per request, and on
/// Ctrl+C prints the issues it holds, so a demo or a silo can be pointed at it by hand.
/// </summary>
public sealed class ListenCommand : AsyncCommand<ListenCommand.Settings>
{
    public const string Description =
        "A Jira stand-in on a loopback port: point Jira__BaseUrl at it, watch its log, and read the issues it holds when you stop it.";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var authorization = settings.ApiVersion == 3
            ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Email}:{settings.Token}"))
            : "Bearer " + settings.Token;
        FakeJira jira;
        try
        {
            jira = new FakeJira(settings.ApiVersion, authorization, settings.Project, settings.Port);
        }
        catch (HttpListenerException ex)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on 127.0.0.1:{settings.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
            return 1;
        }

        await using (jira)
        {
            var log = new RequestLog(jira);
            jira.Answered += log.Write;
            Console.WriteLine($"Jira listener (REST v{settings.ApiVersion.ToString(CultureInfo.InvariantCulture)}, project {settings.Project}) at {jira.BaseUrl}");
            Console.WriteLine("Point the silo or the demo at it with:");
            Console.WriteLine($"  export Jira__BaseUrl={jira.BaseUrl} Jira__ProjectKey={settings.Project} Jira__ApiVersion={settings.ApiVersion.ToString(CultureInfo.InvariantCulture)}"
                + (settings.ApiVersion == 3 ? $" Jira__Email={settings.Email}" : string.Empty) + $" Jira__ApiToken={settings.Token}");
            Console.WriteLine("Ctrl+C (or SIGTERM) stops it and prints the issues it holds.");
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine();
            log.PrintIssues();

            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stop.Cancel();
            }
        }

        return 0;
    }

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <PORT>")]
        [Description("Loopback port to listen on (0: any free one).")]
        [DefaultValue(8089)]
        public int Port { get; init; } = 8089;

        [CommandOption("--api-version <V>")]
        [Description("3: Jira Cloud (Basic email:token, ADF); 2: Data Center (Bearer token, wiki text).")]
        [DefaultValue(3)]
        public int ApiVersion { get; init; } = 3;

        [CommandOption("--project <KEY>")]
        [Description("The one project that exists.")]
        [DefaultValue("SEC")]
        public string Project { get; init; } = "SEC";

        [CommandOption("--email <EMAIL>")]
        [Description("The account the Cloud token belongs to (v3).")]
        [DefaultValue("report-bot@example.com")]
        public string Email { get; init; } = "report-bot@example.com";

        [CommandOption("--token <TOKEN>")]
        [Description("The API token (v3) or personal access token (v2) it accepts; anything else gets 401.")]
        [DefaultValue("listener-token")]
        public string Token { get; init; } = "listener-token";

        public override ValidationResult Validate() =>
            ApiVersion is not (2 or 3) ? ValidationResult.Error($"--api-version must be 2 or 3, not {ApiVersion.ToString(CultureInfo.InvariantCulture)}.")
            : Port is < 0 or > 65535 ? ValidationResult.Error($"--port must be from 0 to 65535, not {Port.ToString(CultureInfo.InvariantCulture)}.")
            : string.IsNullOrWhiteSpace(Project) ? ValidationResult.Error("--project must name a project key.")
            : string.IsNullOrEmpty(Token) ? ValidationResult.Error("--token must not be empty.")
            : ValidationResult.Success();
    }
}
