using System.Security.Cryptography;
using System.Text;

namespace ComplianceReport.Delivery.Jira.Routing;

/// <summary>
/// The labels that find an owner's items again: <c>compliance-owner-&lt;slug&gt;</c> and the week's
/// <c>compliance-route-2026-W48</c>. The week's issue carries <c>compliance-report-2026-W48</c>;
/// a different week label keeps owners' items out of the search for the week's issue.
/// </summary>
internal static class OwnerLabels
{
    public const string OwnerPrefix = "compliance-owner-";

    private const int SlugCap = 60;

    public static string Owner(string owner) => OwnerPrefix + Slug(owner);

    public static string Week(string isoWeek) => "compliance-route-" + Slug(isoWeek).ToUpperInvariant();

    /// <summary>Lowercase letters and digits joined by single dashes; a name with none of them gets a short hash.</summary>
    public static string Slug(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, SlugCap));
        foreach (var c in value.Trim().ToLowerInvariant())
        {
            if (builder.Length >= SlugCap)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 0 ? slug : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..10];
    }
}
