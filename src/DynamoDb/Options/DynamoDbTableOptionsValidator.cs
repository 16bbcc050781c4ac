using Microsoft.Extensions.Options;

namespace ComplianceReport.DynamoDb.Options;

/// <summary>Rejects options that would only fail later, naming the offending key.</summary>
public sealed class DynamoDbTableOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : DynamoDbTableOptions
{
    // DynamoDB table names: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.'.
    private const int MinTableNameLength = 3;
    private const int MaxTableNameLength = 255;

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = string.IsNullOrEmpty(name) ? options.Section : $"{options.Section}:{name}";
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.TableName))
        {
            failures.Add($"{section}:TableName is empty (it is derived from Cluster:TablePrefix)");
        }
        else if (options.TableName.Length is < MinTableNameLength or > MaxTableNameLength
            || !options.TableName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            failures.Add($"{section}:TableName '{options.TableName}' is not a valid DynamoDB table name (3-255 of a-z, A-Z, 0-9, '_', '-', '.'; check Cluster:TablePrefix)");
        }

        if (!string.IsNullOrWhiteSpace(options.ServiceUrl)
            && !(Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{section}:ServiceUrl '{options.ServiceUrl}' must be an absolute http or https URL");
        }

        if (string.IsNullOrWhiteSpace(options.AccessKeyId) != string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            failures.Add($"{section}:AccessKeyId and {section}:SecretAccessKey must be given together or not at all");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
