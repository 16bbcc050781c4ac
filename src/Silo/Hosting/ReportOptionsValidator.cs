using ComplianceReport.Grains.Options;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Silo.Hosting;

internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.OutputDirectory) || options.OutputDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add("Report:OutputDirectory must be a directory path.");
        }

        if (!Enum.IsDefined(options.Schedule.DayOfWeek))
        {
            errors.Add("Report:Schedule:DayOfWeek must be a day name such as Monday.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
