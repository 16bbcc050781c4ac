using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Severities;

/// <summary>
/// A rule's severity, in this order: <c>Report:Severities</c> by rule name, then by source
/// identifier; the shipped mapping by source identifier, or by default rule name when the rule was
/// read without its identifier (a custom rule's identifier is a Lambda ARN, never a name); else Unrated. Conformance-pack copies of a managed rule carry its identifier,
/// so they are rated like it.
/// </summary>
public sealed class SeverityResolver
{
    private const string OverrideBasis = "Report:Severities";

    private readonly SeverityCatalog _catalog;
    private readonly Dictionary<string, Severity> _overrides;

    public SeverityResolver(IOptions<ReportEvaluationOptions> options)
        : this(SeverityCatalog.Default, options?.Value.Severities ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public SeverityResolver(SeverityCatalog catalog, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(overrides);
        _catalog = catalog;
        _overrides = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (key, value) in overrides)
        {
            _overrides[key] = ReportEvaluationOptionsValidator.TryParseSeverity(value, out var severity)
                ? severity
                : throw new ArgumentException($"Report:Severities:{key} is '{value}'; use Critical, High, Medium, Low or Unrated.", nameof(overrides));
        }
    }

    public SeverityRating Resolve(string ruleName, string? sourceIdentifier)
    {
        ArgumentNullException.ThrowIfNull(ruleName);
        if (_overrides.TryGetValue(ruleName, out var byName))
        {
            return new SeverityRating(byName, OverrideBasis);
        }

        if (sourceIdentifier is not null && _overrides.TryGetValue(sourceIdentifier, out var byIdentifier))
        {
            return new SeverityRating(byIdentifier, OverrideBasis);
        }

        if (sourceIdentifier is not null && _catalog.ByIdentifier.TryGetValue(sourceIdentifier, out var shipped))
        {
            return shipped;
        }

        if (sourceIdentifier is null && _catalog.ByRuleName.TryGetValue(ruleName, out var shippedByName))
        {
            return shippedByName;
        }

        return new SeverityRating(Severity.Unrated, sourceIdentifier is null ? "not an AWS managed rule we know" : $"no rating for {sourceIdentifier}");
    }
}
