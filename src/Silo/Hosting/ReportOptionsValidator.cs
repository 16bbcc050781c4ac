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

        if (options.DeliveryTimeout < TimeSpan.FromSeconds(10) || options.DeliveryTimeout > TimeSpan.FromHours(2))
        {
            errors.Add("Report:DeliveryTimeout must be between 00:00:10 and 02:00:00 (default 00:15:00).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
