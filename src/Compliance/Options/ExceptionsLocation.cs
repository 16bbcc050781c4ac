namespace ComplianceReport.Compliance.Options;

/// <summary>Where the exceptions file lives: <c>s3://bucket/key</c> or a local path.</summary>
public static class ExceptionsLocation
{
    public const string S3Scheme = "s3://";

    public static bool IsS3(string location) => location.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits <c>s3://bucket/key</c>; false when either part is missing.</summary>
    public static bool TryParseS3(string location, out string bucket, out string key)
    {
        bucket = string.Empty;
        key = string.Empty;
        if (!IsS3(location))
        {
            return false;
        }

        var rest = location[S3Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == rest.Length - 1)
        {
            return false;
        }

        bucket = rest[..slash];
        key = rest[(slash + 1)..];
        return true;
    }

    /// <summary>What is wrong with <paramref name="location"/>, or null when it is usable.</summary>
    public static string? Problem(string location)
    {
        if (IsS3(location))
        {
            return TryParseS3(location, out var bucket, out _) && bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.') && bucket.Length is >= 3 and <= 63
                ? null
                : $"is '{location}'; an S3 location is s3://bucket/key with a valid bucket name and a key.";
        }

        return location.IndexOfAny(Path.GetInvalidPathChars()) >= 0 ? $"is '{location}', which is not a file path." : null;
    }
}
