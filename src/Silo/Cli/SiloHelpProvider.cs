using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace ComplianceReport.Silo.Cli;

/// <summary>Spectre's help plus the configuration keys, as a grid that wraps within its columns.</summary>
public sealed class SiloHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadLeft(4).PadRight(2)).AddColumn();
        foreach (var (key, meaning) in SiloConfigurationKeys.All)
        {
            grid.AddRow(Markup.Escape(key), Markup.Escape(meaning));
        }

        return
        [
            .. base.GetFooter(model, command),
            Text.NewLine,
            new Markup("[yellow]CONFIGURATION KEYS[/] (environment Section__Key, or appsettings.json):"),
            Text.NewLine,
            grid,
            Text.NewLine,
            new Markup("[yellow]EXAMPLE:[/]"),
            Text.NewLine,
            new Text("    Organization__ManagementAccountId=111111111111 \\\n    Organization__Regions__0=us-east-1 \\\n    dotnet ComplianceReport.Silo.dll"),
            Text.NewLine,
        ];
    }
}
