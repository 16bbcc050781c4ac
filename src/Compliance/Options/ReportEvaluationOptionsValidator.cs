using System.Globalization;
using ComplianceReport.Compliance.Model;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Options;

/// <summary>Checks the evaluation keys at start; each failure names its key.</summary>
public sealed class ReportEvaluationOptionsValidator : IValidateOptions<ReportEvaluationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportEvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (rule, value) in options.Severities)
        {
            if (!TryParseSeverity(value, out _))
            {
                errors.Add($"Report:Severities:{rule} is '{value}'; use Critical, High, Medium, Low or Unrated.");
            }
        }

        foreach (var (index, key) in options.Owners.ResourceTagKeys.Index())
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"Report:Owners:ResourceTagKeys:{index} is empty; give a tag key such as Owner."));
            }
        }

        foreach (var (path, owner) in options.Owners.ByOuPath)
        {
            if (!path.StartsWith("Root", StringComparison.Ordinal) || path.Split('/').Any(s => s.Length == 0))
            {
                errors.Add($"Report:Owners:ByOuPath:{path} is not an OU path such as Root/Prod/Payments.");
            }
            else if (string.IsNullOrWhiteSpace(owner))
            {
                errors.Add($"Report:Owners:ByOuPath:{path} has no owner.");
            }
        }

        if (options.ExceptionsMaxDays is < 1 or > ReportEvaluationOptions.MaxExceptionsMaxDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Report:ExceptionsMaxDays is {options.ExceptionsMaxDays}; use 1 to {ReportEvaluationOptions.MaxExceptionsMaxDays} days."));
        }

        if (options.ExceptionsWarnDays < 0 || options.ExceptionsWarnDays > options.ExceptionsMaxDays)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Report:ExceptionsWarnDays is {options.ExceptionsWarnDays}; use 0 to Report:ExceptionsMaxDays ({options.ExceptionsMaxDays})."));
        }

        if (!string.IsNullOrWhiteSpace(options.ExceptionsFile) && ExceptionsLocation.Problem(options.ExceptionsFile) is { } problem)
        {
            errors.Add($"Report:ExceptionsFile {problem}");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool TryParseSeverity(string? value, out Severity severity) =>
        Enum.TryParse(value, ignoreCase: true, out severity) && Enum.IsDefined(severity) && !int.TryParse(value, out _);
}
