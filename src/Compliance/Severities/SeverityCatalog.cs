using ComplianceReport.Compliance.Model;
using YamlDotNet.RepresentationModel;

namespace ComplianceReport.Compliance.Severities;

/// <summary>
/// The shipped default severities of AWS managed rules (embedded
/// <c>aws-managed-rule-severities.yaml</c>, taken from Security Hub CSPM's control severities),
/// by source identifier and by default rule name.
/// </summary>
public sealed class SeverityCatalog
{
    private const string ResourceName = "ComplianceReport.Compliance.Severities.aws-managed-rule-severities.yaml";

    private static readonly Lazy<SeverityCatalog> Shipped = new(() => Parse(ReadShipped()));

    private readonly Dictionary<string, SeverityRating> _byIdentifier;
    private readonly Dictionary<string, SeverityRating> _byRuleName;

    private SeverityCatalog(string source, Dictionary<string, SeverityRating> byIdentifier, Dictionary<string, SeverityRating> byRuleName)
    {
        Source = source;
        _byIdentifier = byIdentifier;
        _byRuleName = byRuleName;
    }

    public static SeverityCatalog Default => Shipped.Value;

    /// <summary>Where the ratings come from, as recorded in the file.</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, SeverityRating> ByIdentifier => _byIdentifier;

    public IReadOnlyDictionary<string, SeverityRating> ByRuleName => _byRuleName;

    internal static SeverityCatalog Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var source = ((YamlScalarNode)root["source"]).Value ?? string.Empty;
        var byIdentifier = new Dictionary<string, SeverityRating>(StringComparer.Ordinal);
        var byRuleName = new Dictionary<string, SeverityRating>(StringComparer.Ordinal);
        foreach (var (key, value) in ((YamlMappingNode)root["rules"]).Children)
        {
            var identifier = ((YamlScalarNode)key).Value!;
            var entry = (YamlMappingNode)value;
            var severity = Enum.Parse<Severity>(((YamlScalarNode)entry["severity"]).Value!, ignoreCase: false);
            var control = ((YamlScalarNode)entry["control"]).Value!;
            var rating = new SeverityRating(severity, control == "none" ? "no Security Hub control uses this rule" : $"Security Hub {control}");
            byIdentifier.Add(identifier, rating);
            byRuleName.Add(((YamlScalarNode)entry["rule"]).Value!, rating);
        }

        return new SeverityCatalog(source, byIdentifier, byRuleName);
    }

    private static string ReadShipped()
    {
        using var stream = typeof(SeverityCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded severity mapping {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
