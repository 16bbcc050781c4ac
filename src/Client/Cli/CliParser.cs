namespace ComplianceReport.Client.Cli;

public static class CliParser
{
    public const string Usage = """
        usage: compliance-report <command> [--json]
          accounts                   accounts of the latest run, with their compliance
          account <id>               one account: last scan, regions, errors, trace id
          rescan <id> [<id>...]      scan accounts now (12-digit ids)
          report run [--wait]        start an on-demand report run; --wait shows progress
          report status [<run>]      a run's progress and outputs (default: the latest)
          report list                every recorded run
        exit codes: 0 success, 1 failure, 2 bad usage
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="CliUsageException"/> before any call is made.</summary>
    public static CliCommand Parse(IReadOnlyList<string> args)
    {
        var json = args.Contains("--json");
        var wait = args.Contains("--wait");
        var words = args.Where(a => a is not "--json" and not "--wait").ToList();
        var unknownOption = words.FirstOrDefault(w => w.StartsWith('-') && w is not "-h" and not "--help");
        if (unknownOption is not null)
        {
            throw new CliUsageException($"Unknown option '{unknownOption}'.");
        }

        if (words.Count == 0 || words[0] is "help" or "-h" or "--help")
        {
            return new CliCommand(CommandKind.Help, [], json, wait);
        }

        var rest = words.Skip(1).ToList();
        var command = words[0] switch
        {
            "accounts" => Expect(CommandKind.Accounts, rest, 0, 0),
            "account" => Ids(Expect(CommandKind.Account, rest, 1, 1)),
            "rescan" => Ids(Expect(CommandKind.Rescan, rest, 1, int.MaxValue)),
            "report" => Report(rest),
            _ => throw new CliUsageException($"Unknown command '{words[0]}'."),
        };

        if (wait && command.Kind != CommandKind.ReportRun)
        {
            throw new CliUsageException("--wait only applies to 'report run'.");
        }

        return command with { Json = json, Wait = wait };
    }

    /// <summary>An AWS account id is exactly 12 ASCII digits.</summary>
    public static bool IsAccountId(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);

    private static CliCommand Report(List<string> rest)
    {
        if (rest.Count == 0)
        {
            throw new CliUsageException("'report' needs a subcommand: run, status or list.");
        }

        var tail = rest.Skip(1).ToList();
        return rest[0] switch
        {
            "run" => Expect(CommandKind.ReportRun, tail, 0, 0),
            "status" => Expect(CommandKind.ReportStatus, tail, 0, 1),
            "list" => Expect(CommandKind.ReportList, tail, 0, 0),
            _ => throw new CliUsageException($"Unknown report subcommand '{rest[0]}'."),
        };
    }

    private static CliCommand Expect(CommandKind kind, List<string> arguments, int min, int max)
    {
        if (arguments.Count < min)
        {
            throw new CliUsageException($"'{Name(kind)}' needs {(min == 1 ? "an argument" : $"{min} arguments")}.");
        }

        if (arguments.Count > max)
        {
            throw new CliUsageException($"'{Name(kind)}' takes at most {max} argument{(max == 1 ? string.Empty : "s")}; got '{string.Join(' ', arguments)}'.");
        }

        return new CliCommand(kind, arguments, false, false);
    }

    private static CliCommand Ids(CliCommand command)
    {
        var bad = command.Arguments.FirstOrDefault(a => !IsAccountId(a));
        if (bad is not null)
        {
            throw new CliUsageException($"'{bad}' is not an AWS account id (12 digits).");
        }

        return command with { Arguments = command.Arguments.Distinct(StringComparer.Ordinal).ToList() };
    }

    private static string Name(CommandKind kind) => kind switch
    {
        CommandKind.Accounts => "accounts",
        CommandKind.Account => "account",
        CommandKind.Rescan => "rescan",
        CommandKind.ReportRun => "report run",
        CommandKind.ReportStatus => "report status",
        CommandKind.ReportList => "report list",
        _ => "help",
    };
}
