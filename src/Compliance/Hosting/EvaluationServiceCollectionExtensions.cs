using ComplianceReport.Compliance.Evaluation;
using ComplianceReport.Compliance.Exceptions;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Compliance.Owners;
using ComplianceReport.Compliance.Severities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Compliance.Hosting;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the evaluate stage (pure and stateless, so singletons) and validates its options
    /// (<c>Report:Severities</c>, <c>Report:Owners</c>, <c>Report:ExceptionsFile</c>) at start;
    /// the caller binds <see cref="ReportEvaluationOptions"/> to configuration.
    /// </summary>
    public static IServiceCollection AddComplianceEvaluation(this IServiceCollection services)
    {
        services.AddOptions<ReportEvaluationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportEvaluationOptions>, ReportEvaluationOptionsValidator>());
        services.TryAddSingleton<SeverityResolver>();
        services.TryAddSingleton<OwnerResolver>();
        services.TryAddSingleton<AccountEvaluator>();
        services.TryAddSingleton<ReportEvaluator>();
        services.TryAddSingleton<ExceptionsFileLoader>();
        return services;
    }
}
