using ComplianceReport.Compliance.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplianceReport.Workbook.Hosting;

public static class WorkbookServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ComplianceWorkbookWriter"/> as the <see cref="IWorkbookWriter"/> (stateless, so a singleton).</summary>
    public static IServiceCollection AddComplianceWorkbook(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IWorkbookWriter, ComplianceWorkbookWriter>();
        return services;
    }
}
