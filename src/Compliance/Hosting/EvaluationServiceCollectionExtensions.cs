using ComplianceReport.Compliance.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplianceReport.Compliance.Hosting;

public static class EvaluationServiceCollectionExtensions
{
    /// <summary>Registers the evaluate stage (pure and stateless, so singletons).</summary>
    public static IServiceCollection AddComplianceEvaluation(this IServiceCollection services)
    {
        services.TryAddSingleton<ReportEvaluator>();
        return services;
    }
}
