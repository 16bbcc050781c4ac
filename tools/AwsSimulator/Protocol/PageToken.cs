using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ComplianceReport.AwsSimulator.Protocol;

/// <summary>
/// Opaque NextToken values. A token names the listing it belongs to (operation, account, region,
/// parameters), so a token replayed against another listing is rejected as AWS does.
/// </summary>
internal static class PageToken
{
    public static string Encode(string scope, int offset, bool emptyPageServed) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{scope}\n{offset}\n{(emptyPageServed ? 1 : 0)}")));

    public static bool TryDecode(string token, string scope, out int offset, out bool emptyPageServed)
    {
        offset = 0;
        emptyPageServed = false;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        if (parts.Length != 3
            || parts[0] != scope
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset)
            || parts[2] is not ("0" or "1"))
        {
            return false;
        }

        emptyPageServed = parts[2] == "1";
        return true;
    }
}
