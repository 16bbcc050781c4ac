using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Options;

public sealed class ScanOptionsValidator : IValidateOptions<ScanOptions>
{
    public ValidateOptionsResult Validate(string? name, ScanOptions options)
    {
        var failures = new List<string>();
        const string Section = ScanOptions.SectionName;
        if (options.MaxConcurrentAccounts is < 1 or > 10_000)
        {
            failures.Add($"{Section}:MaxConcurrentAccounts must be between 1 and 10000 (got {options.MaxConcurrentAccounts}).");
        }

        if (!(options.RequestsPerSecond > 0 && options.RequestsPerSecond <= 1000))
        {
            failures.Add($"{Section}:RequestsPerSecond must be above 0 and at most 1000 (got {options.RequestsPerSecond}).");
        }

        if (options.MaxRequestsPerSecond is { } max && !(max >= options.RequestsPerSecond && max <= 1000))
        {
            failures.Add($"{Section}:MaxRequestsPerSecond must be at least {Section}:RequestsPerSecond ({options.RequestsPerSecond}) and at most 1000 (got {max}).");
        }

        if (options.RequestsBurst is < 1 or > 1000)
        {
            failures.Add($"{Section}:RequestsBurst must be between 1 and 1000 (got {options.RequestsBurst}).");
        }

        if (options.ResultMaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:ResultMaxAge must be a positive time span such as 01:00:00 (got {options.ResultMaxAge}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
