using ComplianceReport.Aws.Hosting;
using ComplianceReport.Aws.Options;
using ComplianceReport.Compliance.Hosting;
using ComplianceReport.Compliance.Options;
using ComplianceReport.Delivery.Hosting;
using ComplianceReport.Grains.Options;
using ComplianceReport.Workbook.Hosting;
using Microsoft.Extensions.Options;

namespace ComplianceReport.Silo.Hosting;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>The three stages' adapters and the grains' options, bound and validated at start.</summary>
    public static IServiceCollection AddComplianceServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAwsAdapters(configuration);
        services.AddComplianceEvaluation();
        services.AddOptions<ReportEvaluationOptions>().Bind(configuration.GetSection(ReportEvaluationOptions.SectionName));
        services.AddComplianceWorkbook();
        services.AddReportDelivery(configuration);
        services.AddComplianceGrainOptions(configuration);
        services.AddHostedService<ScheduleRegistrationService>();
        services.AddComplianceTelemetry(configuration);
        return services;
    }

    /// <summary>Binds the grains' view of <c>Organization</c>, <c>Scan</c> and <c>Report</c>.</summary>
    public static IServiceCollection AddComplianceGrainOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        // One source of truth: the AWS adapter's validated Organization and Scan options.
        services.AddOptions<RunOptions>()
            .Configure<IOptions<OrganizationOptions>, IOptions<ScanOptions>>((run, organization, scan) =>
            {
                run.Regions = organization.Value.Regions;
                run.MaxConcurrentAccounts = scan.Value.MaxConcurrentAccounts;
                run.ResultMaxAge = scan.Value.ResultMaxAge;
                run.AccountTagsMaxAge = organization.Value.AccountTagsMaxAge;
            });
        services.AddOptions<ReportOptions>()
            .Bind(configuration.GetSection(ReportOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportOptions>, ReportOptionsValidator>();
        return services;
    }
}
