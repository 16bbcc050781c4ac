using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Options;

public sealed class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();
        const string Section = AwsOptions.SectionName;
        if (options.ServiceUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{Section}:ServiceUrl must be an absolute http(s) URL (got '{url}').");
        }

        if (options.MaxErrorRetry is < 0 or > 20)
        {
            failures.Add($"{Section}:MaxErrorRetry must be between 0 and 20 (got {options.MaxErrorRetry}).");
        }

        if (options.RequestTimeout < TimeSpan.FromMilliseconds(100) || options.RequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:RequestTimeout must be between 00:00:00.1 and 00:10:00 (got {options.RequestTimeout}).");
        }

        // STS accepts 900 s to 3600 s for a chained role session.
        if (options.SessionDuration < TimeSpan.FromMinutes(15) || options.SessionDuration > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:SessionDuration must be between 00:15:00 and 01:00:00: role chaining caps sessions at one hour (got {options.SessionDuration}).");
        }

        if (options.SessionRefreshBefore < TimeSpan.Zero || options.SessionRefreshBefore >= options.SessionDuration)
        {
            failures.Add($"{Section}:SessionRefreshBefore must be at least zero and shorter than Aws:SessionDuration (got {options.SessionRefreshBefore}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
