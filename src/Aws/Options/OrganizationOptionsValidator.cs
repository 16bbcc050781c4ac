using System.Text.RegularExpressions;
using Amazon;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Aws.Options;

/// <summary>Stops the process at start when the Organization section is wrong, naming the key.</summary>
public sealed partial class OrganizationOptionsValidator : IValidateOptions<OrganizationOptions>
{
    private static readonly HashSet<string> KnownRegions =
        RegionEndpoint.EnumerableAllRegions.Select(r => r.SystemName).ToHashSet(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        var failures = new List<string>();
        const string Section = OrganizationOptions.SectionName;
        if (!AccountId().IsMatch(options.ManagementAccountId ?? string.Empty))
        {
            failures.Add($"{Section}:ManagementAccountId must be 12 digits (got '{options.ManagementAccountId}').");
        }

        ValidateRoleName(failures, $"{Section}:ListOrgRoleName", options.ListOrgRoleName);
        ValidateRoleName(failures, $"{Section}:ReadRoleName", options.ReadRoleName);
        if (options.ExternalId is { Length: > 0 } externalId && !ExternalIdPattern().IsMatch(externalId))
        {
            failures.Add($"{Section}:ExternalId must be 2 to 1224 characters of letters, digits and +=,.@:/- (STS's rule).");
        }

        for (var i = 0; i < options.ParentIds.Count; i++)
        {
            if (!ParentId().IsMatch(options.ParentIds[i] ?? string.Empty))
            {
                failures.Add($"{Section}:ParentIds:{i} must be a root id (r-…) or an OU id (ou-…-…) (got '{options.ParentIds[i]}').");
            }
        }

        for (var i = 0; i < options.ExcludeAccountIds.Count; i++)
        {
            if (!AccountId().IsMatch(options.ExcludeAccountIds[i] ?? string.Empty))
            {
                failures.Add($"{Section}:ExcludeAccountIds:{i} must be 12 digits (got '{options.ExcludeAccountIds[i]}').");
            }
        }

        if (options.Regions.Count == 0)
        {
            failures.Add($"{Section}:Regions must list at least one AWS region (for example us-east-1).");
        }

        for (var i = 0; i < options.Regions.Count; i++)
        {
            if (!KnownRegions.Contains(options.Regions[i] ?? string.Empty))
            {
                failures.Add($"{Section}:Regions:{i} is not a known AWS region name (got '{options.Regions[i]}').");
            }
        }

        if (options.Source == ComplianceSource.Aggregator)
        {
            ValidateAggregator(failures, options);
        }

        if (options.AccountTagsMaxAge <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:AccountTagsMaxAge must be a positive time span such as 28.00:00:00 (got {options.AccountTagsMaxAge}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAggregator(List<string> failures, OrganizationOptions options)
    {
        const string Section = OrganizationOptions.SectionName;
        if (!AggregatorNamePattern().IsMatch(options.AggregatorName ?? string.Empty))
        {
            failures.Add($"{Section}:AggregatorName must name the Config aggregator: 1 to 256 letters, digits, '_' or '-' (got '{options.AggregatorName}'); it is required when {Section}:Source is Aggregator.");
        }

        if (!AccountId().IsMatch(options.AggregatorAccountId ?? string.Empty))
        {
            failures.Add($"{Section}:AggregatorAccountId must be the 12-digit account that holds the aggregator (got '{options.AggregatorAccountId}'); it is required when {Section}:Source is Aggregator.");
        }

        if (!KnownRegions.Contains(options.AggregatorRegion ?? string.Empty))
        {
            failures.Add($"{Section}:AggregatorRegion must be the AWS region the aggregator lives in (got '{options.AggregatorRegion}'); it is required when {Section}:Source is Aggregator.");
        }

        ValidateRoleName(failures, $"{Section}:AggregatorRoleName", options.AggregatorRoleName);
    }

    private static void ValidateRoleName(List<string> failures, string key, string? value)
    {
        if (!RoleName().IsMatch(value ?? string.Empty))
        {
            failures.Add($"{key} must be an IAM role name: 1 to 64 characters of letters, digits and +=,.@_- (got '{value}').");
        }
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"^[\w-]{1,256}$")]
    private static partial Regex AggregatorNamePattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex(@"^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$")]
    private static partial Regex ParentId();
}
