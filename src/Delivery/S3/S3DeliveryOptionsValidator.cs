using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Delivery.S3;

/// <summary>Checks the <c>Report</c> S3 keys at start; nothing is checked while S3 delivery is off.</summary>
public sealed partial class S3DeliveryOptionsValidator : IValidateOptions<S3DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, S3DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.S3Bucket))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!BucketName().IsMatch(options.S3Bucket) || options.S3Bucket.Contains("..", StringComparison.Ordinal))
        {
            failures.Add("Report:S3Bucket must be a valid S3 bucket name (3 to 63 lowercase letters, digits, dots and hyphens).");
        }

        var prefix = options.S3Prefix ?? string.Empty;
        if (prefix.Length > 512 || !SafePrefix().IsMatch(prefix) || prefix.Split('/').Any(p => p is "." or ".."))
        {
            failures.Add("Report:S3Prefix may use only letters, digits, '/', '-', '_' and '.', at most 512 characters, without '.' or '..' segments.");
        }

        if (!string.IsNullOrWhiteSpace(options.S3Region))
        {
            if (!RegionName().IsMatch(options.S3Region))
            {
                failures.Add("Report:S3Region must be an AWS region name such as eu-west-1.");
            }
        }
        else if (!HasEnvironment("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"))
        {
            // Otherwise the S3 client fails when the report first needs it, long after start.
            failures.Add("Report:S3Region (or the AWS_REGION environment variable) must be set when Report:S3Bucket is set.");
        }

        if (options.KmsKeyId is { Length: > 0 } kms && (kms.Length > 2048 || kms.Any(char.IsWhiteSpace)))
        {
            failures.Add("Report:KmsKeyId must be a KMS key id, alias or ARN without spaces.");
        }

        if (options.PresignedUrlLifetime < TimeSpan.FromMinutes(1) || options.PresignedUrlLifetime > S3DeliveryOptions.MaxPresignedUrlLifetime)
        {
            failures.Add("Report:PresignedUrlLifetime must be between 00:01:00 and 7.00:00:00 (the SigV4 maximum).");
        }

        if (options.MultipartThresholdBytes < S3DeliveryOptions.MinMultipartThresholdBytes)
        {
            failures.Add("Report:MultipartThresholdBytes must be at least 5242880 (5 MiB, the smallest S3 part).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool HasEnvironment(params string[] names) =>
        names.Any(name => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)));

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionName();

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketName();

    [GeneratedRegex("^[A-Za-z0-9/_.-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePrefix();
}
