using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace ComplianceReport.Client.Output;

/// <summary>Where a command's results (the console) and its one-line failures (standard error) go.</summary>
public sealed class CliOutput(IAnsiConsole console, TextWriter error)
{
    /// <summary>Stable, documented JSON: camelCase names, enums as names, emails and paths unescaped.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public IAnsiConsole Console => console;

    /// <summary>A terminal a person watches (live progress), not a pipe or a file.</summary>
    public bool Interactive => console.Profile.Capabilities.Interactive;

    public int Width => console.Profile.Width;

    public void Line(string text) => console.Profile.Out.Writer.WriteLine(text);

    public void Json<T>(T value) => console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>RFC 4180: a header line, then one line per row; fields with commas, quotes or line breaks are quoted.</summary>
    public void Csv(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(CsvLine(header));
        foreach (var row in rows)
        {
            writer.WriteLine(CsvLine(row));
        }
    }

    public void Table(FittedTable table) => console.Write(table.Build(Width));

    public void Write(Spectre.Console.Rendering.IRenderable renderable) => console.Write(renderable);

    /// <summary>Writes one line to standard error and returns exit code 1.</summary>
    public int Fail(string message)
    {
        error.WriteLine(message);
        return ExitCodes.Failure;
    }

    public void Warn(string message) => error.WriteLine(message);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A 0..1 fraction as a percentage with one decimal.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "n/a";

    /// <summary>A 0..1 fraction as the number of percent JSON and CSV carry (87.5, not 0.875).</summary>
    public static double? PercentNumber(double? fraction) => fraction is { } f ? Math.Round(f * 100, 2) : null;

    public static string Time(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string CsvLine(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                line.Append(',');
            }

            first = false;
            var value = field ?? string.Empty;
            if (value.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                line.Append(value);
            }
        }

        return line.ToString();
    }
}
