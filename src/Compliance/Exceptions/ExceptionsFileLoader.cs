using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Exceptions;

/// <summary>
/// Reads <c>Report:ExceptionsFile</c> at the start of a run and validates it with the same parser
/// as <c>exceptions check</c>. No file configured: no exceptions. An unreadable or invalid file
/// throws <see cref="InvalidExceptionsFileException"/>, so the run stops before scanning.
/// </summary>
public sealed class ExceptionsFileLoader(IExceptionsFileSource source, IOptions<ReportEvaluationOptions> options)
{
    public async Task<IReadOnlyList<AcceptedRisk>> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ExceptionsFile))
        {
            return [];
        }

        var text = await source.ReadAsync(settings.ExceptionsFile, cancellationToken).ConfigureAwait(false);
        var result = ExceptionsFileParser.Parse(text, settings.ExceptionsFile, settings.ExceptionsMaxDays);
        return result.IsValid ? result.Entries : throw new InvalidExceptionsFileException(result.Errors);
    }
}
