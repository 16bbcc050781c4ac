using System.Text.RegularExpressions;

namespace ComplianceReport.Workbook.Values;

/// <summary>
/// AWS console addresses for a finding's resource (its AWS Config resource timeline) and a rule
/// (its Config rule page), in the region the finding lives in. Values are URL-encoded; a region
/// outside the commercial partition (China, GovCloud, ISO: other console domains) or not shaped
/// like a region name gets no link rather than a wrong or attacker-shaped host.
/// </summary>
internal static partial class ConsoleLinks
{
    public static string? ResourceTimeline(string? region, string? resourceType, string? resourceId) =>
        Home(region) is { } home && !string.IsNullOrEmpty(resourceType) && !string.IsNullOrEmpty(resourceId)
            ? $"{home}#/resources/timeline?resourceId={Uri.EscapeDataString(resourceId)}&resourceType={Uri.EscapeDataString(resourceType)}"
            : null;

    public static string? RulePage(string? region, string? ruleName) =>
        Home(region) is { } home && !string.IsNullOrEmpty(ruleName)
            ? $"{home}#/rules/details?configRuleName={Uri.EscapeDataString(ruleName)}"
            : null;

    private static string? Home(string? region) =>
        region is not null && CommercialRegion().IsMatch(region)
            ? $"https://{region}.console.aws.amazon.com/config/home?region={region}"
            : null;

    [GeneratedRegex("^(?!cn-|us-gov-|us-iso)[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex CommercialRegion();
}
