using System.Globalization;
using System.Text.RegularExpressions;
using ComplianceReport.Compliance.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// Reads and validates an exceptions file (schema in the README). Every problem is reported with
/// its line and field, all of them in one pass, so an operator fixes the file in one go; the run
/// uses the file only when it has none.
/// </summary>
public static partial class ExceptionsFileParser
{
    public const string RootKey = "exceptions";

    private static readonly string[] EntryKeys =
        ["id", "accounts", "regions", "rules", "resourceTypes", "resources", "owner", "reason", "ticket", "expires", "approved", "approvedBy"];

    /// <param name="file">The file's name as the operator knows it (a path or s3:// URL), used in every error.</param>
    /// <param name="maxDays">How long after approval an entry may expire at the latest (<c>Report:ExceptionsMaxDays</c>).</param>
    public static ExceptionsFileParseResult Parse(string text, string file, int maxDays)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var errors = new List<ExceptionsFileError>();
        var entries = new List<AcceptedRisk>();

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            errors.Add(new ExceptionsFileError(file, LineOf(ex.Start), "(syntax)", FirstLine(ex.Message)));
            return new ExceptionsFileParseResult(file, [], errors);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ExceptionsFileParseResult(file, [], []);
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(new ExceptionsFileError(file, LineOf(stream.Documents[1].RootNode.Start), "(document)", "holds more than one YAML document; put every entry under one 'exceptions' list"));
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            errors.Add(new ExceptionsFileError(file, LineOf(stream.Documents[0].RootNode.Start), "(top level)", $"must be a mapping with the key '{RootKey}'"));
            return new ExceptionsFileParseResult(file, [], errors);
        }

        YamlSequenceNode? list = null;
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (key == RootKey)
            {
                if (valueNode is YamlSequenceNode sequence)
                {
                    list = sequence;
                }
                else if (valueNode is not YamlScalarNode { Value: null or "" })
                {
                    errors.Add(new ExceptionsFileError(file, LineOf(valueNode.Start), RootKey, "must be a list of entries"));
                }
            }
            else
            {
                errors.Add(new ExceptionsFileError(file, LineOf(keyNode.Start), key ?? "(key)", $"unknown key; the top level has only '{RootKey}'"));
            }
        }

        if (list is null)
        {
            if (errors.Count == 0 && !root.Children.Any())
            {
                return new ExceptionsFileParseResult(file, [], []);
            }

            if (errors.Count == 0)
            {
                errors.Add(new ExceptionsFileError(file, LineOf(root.Start), RootKey, "is missing"));
            }

            return new ExceptionsFileParseResult(file, [], errors);
        }

        var firstLineById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in list.Children)
        {
            var entry = ParseEntry(item, $"{RootKey}[{index}]", file, maxDays, errors);
            if (entry is not null)
            {
                if (firstLineById.TryGetValue(entry.Id, out var first))
                {
                    errors.Add(new ExceptionsFileError(file, entry.Line, $"{RootKey}[{index}].id", $"duplicate id '{entry.Id}' (first used on line {first})"));
                }
                else
                {
                    firstLineById[entry.Id] = entry.Line;
                    entries.Add(entry);
                }
            }

            index++;
        }

        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ExceptionsFileParseResult(file, errors.Count == 0 ? entries : [], errors);
    }

    private static AcceptedRisk? ParseEntry(YamlNode node, string path, string file, int maxDays, List<ExceptionsFileError> errors)
    {
        var line = LineOf(node.Start);
        if (node is not YamlMappingNode mapping)
        {
            errors.Add(new ExceptionsFileError(file, line, path, "must be a mapping (id, owner, reason, ...)"));
            return null;
        }

        var before = errors.Count;
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(EntryKeys, key) < 0)
            {
                var hint = EntryKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                errors.Add(new ExceptionsFileError(
                    file,
                    LineOf(keyNode.Start),
                    $"{path}.{key}",
                    hint is null ? $"unknown key; allowed: {string.Join(", ", EntryKeys)}" : $"unknown key; did you mean '{hint}'?"));
                continue;
            }

            values[key] = valueNode;
        }

        var id = RequiredText(values, "id", path, line, file, errors);
        var accounts = List(values, "accounts", path, file, errors, ValidateAccount);
        var regions = List(values, "regions", path, file, errors, ValidateRegion);
        var rules = List(values, "rules", path, file, errors, value => GlobError(value, null));
        var types = List(values, "resourceTypes", path, file, errors, ValidateResourceType);
        var resources = List(values, "resources", path, file, errors, value => GlobError(value, null));
        var owner = RequiredText(values, "owner", path, line, file, errors);
        var reason = RequiredText(values, "reason", path, line, file, errors);
        var ticket = OptionalText(values, "ticket", path, file, errors);
        var approvedBy = RequiredText(values, "approvedBy", path, line, file, errors);
        var approved = RequiredDate(values, "approved", path, line, file, errors);
        var expires = RequiredDate(values, "expires", path, line, file, errors);

        if (rules.Count == 0 && resources.Count == 0 && !values.ContainsKey("rules") && !values.ContainsKey("resources"))
        {
            errors.Add(new ExceptionsFileError(file, line, path, "names neither 'rules' nor 'resources'; an entry must name at least a rule or a resource"));
        }

        if (approved is { } from && expires is { } until)
        {
            if (until < from)
            {
                errors.Add(new ExceptionsFileError(file, LineOf(values["expires"].Start), $"{path}.expires", $"{Format(until)} is before approved ({Format(from)})"));
            }
            else if (until.DayNumber - from.DayNumber > maxDays)
            {
                errors.Add(new ExceptionsFileError(
                    file,
                    LineOf(values["expires"].Start),
                    $"{path}.expires",
                    string.Create(CultureInfo.InvariantCulture, $"{Format(until)} is {until.DayNumber - from.DayNumber} days after approved ({Format(from)}); at most {maxDays} are allowed (Report:ExceptionsMaxDays), so expire by {Format(from.AddDays(maxDays))}")));
            }
        }

        if (errors.Count > before || id is null || owner is null || reason is null || approvedBy is null || approved is null || expires is null)
        {
            // Keep the id for the duplicate check even when the entry has other errors.
            return id is null ? null : new AcceptedRisk(id, [], [], [], [], [], owner ?? string.Empty, reason ?? string.Empty, ticket, approved ?? default, approvedBy ?? string.Empty, expires ?? default, line);
        }

        return new AcceptedRisk(id, accounts, regions, rules, types, resources, owner, reason, ticket, approved.Value, approvedBy, expires.Value, line);
    }

    private static string? RequiredText(Dictionary<string, YamlNode> values, string key, string path, int entryLine, string file, List<ExceptionsFileError> errors)
    {
        if (!values.TryGetValue(key, out var node))
        {
            errors.Add(new ExceptionsFileError(file, entryLine, $"{path}.{key}", "is required"));
            return null;
        }

        return Text(node, key, path, file, errors, required: true);
    }

    private static string? OptionalText(Dictionary<string, YamlNode> values, string key, string path, string file, List<ExceptionsFileError> errors) =>
        values.TryGetValue(key, out var node) ? Text(node, key, path, file, errors, required: false) : null;

    private static string? Text(YamlNode node, string key, string path, string file, List<ExceptionsFileError> errors, bool required)
    {
        if (node is not YamlScalarNode scalar)
        {
            errors.Add(new ExceptionsFileError(file, LineOf(node.Start), $"{path}.{key}", "must be a single value, not a list or mapping"));
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                errors.Add(new ExceptionsFileError(file, LineOf(node.Start), $"{path}.{key}", "is empty"));
            }

            return null;
        }

        return value;
    }

    private static DateOnly? RequiredDate(Dictionary<string, YamlNode> values, string key, string path, int entryLine, string file, List<ExceptionsFileError> errors)
    {
        var text = RequiredText(values, key, path, entryLine, file, errors);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new ExceptionsFileError(file, LineOf(values[key].Start), $"{path}.{key}", $"'{text}' is not a date (use YYYY-MM-DD)"));
        return null;
    }

    /// <summary>A list field: a YAML list of values, or one value standing for a one-item list.</summary>
    private static IReadOnlyList<string> List(Dictionary<string, YamlNode> values, string key, string path, string file, List<ExceptionsFileError> errors, Func<string, string?> validate)
    {
        if (!values.TryGetValue(key, out var node))
        {
            return [];
        }

        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode => [node],
            _ => [],
        };
        if (node is YamlMappingNode)
        {
            errors.Add(new ExceptionsFileError(file, LineOf(node.Start), $"{path}.{key}", "must be a list of values"));
            return [];
        }

        var result = new List<string>();
        var i = 0;
        foreach (var item in items)
        {
            var field = node is YamlSequenceNode ? $"{path}.{key}[{i}]" : $"{path}.{key}";
            if (item is not YamlScalarNode { Value: { } raw } || string.IsNullOrWhiteSpace(raw))
            {
                errors.Add(new ExceptionsFileError(file, LineOf(item.Start), field, "must be a non-empty value"));
            }
            else if (validate(raw.Trim()) is { } problem)
            {
                errors.Add(new ExceptionsFileError(file, LineOf(item.Start), field, $"'{raw.Trim()}' {problem}"));
            }
            else
            {
                result.Add(raw.Trim());
            }

            i++;
        }

        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            errors.Add(new ExceptionsFileError(file, LineOf(node.Start), $"{path}.{key}", "is an empty list; leave the key out to mean any"));
        }

        return result;
    }

    private static string? ValidateAccount(string value)
    {
        if (value.All(char.IsAsciiDigit))
        {
            return value.Length == 12 ? null : "is not a 12-digit account id";
        }

        if (!value.StartsWith("Root", StringComparison.Ordinal) && !value.StartsWith('*'))
        {
            return "is neither a 12-digit account id nor an OU path starting at Root (such as Root/Sandbox/*)";
        }

        if (value.Split('/').Any(segment => segment.Length == 0))
        {
            return "has an empty OU path segment";
        }

        return GlobError(value, '/');
    }

    private static string? ValidateRegion(string value) =>
        RegionPattern().IsMatch(value) || value.Contains('*', StringComparison.Ordinal) ? GlobError(value, null) : "is not an AWS region such as eu-west-1";

    private static string? ValidateResourceType(string value) =>
        ResourceTypePattern().IsMatch(value) ? GlobError(value, null) : "is not a resource type such as AWS::S3::Bucket";

    private static string? GlobError(string value, char? separator) =>
        Glob.TryParse(value, separator, out _, out var error) ? null : $"is not a valid glob: it {error}";

    private static int LineOf(Mark mark) => (int)Math.Max(1, Math.Min(int.MaxValue, mark.Line));

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^(AWS|Custom)::[A-Za-z0-9*?]+::[A-Za-z0-9*?]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceTypePattern();
}
