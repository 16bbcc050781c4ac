using ComplianceReport.Grains.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplianceReport.Silo.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Activity sources exported: ours, the AWS adapter's and Orleans' own.</summary>
    public static readonly string[] ActivitySources =
    [
        ComplianceTelemetry.Name,
        "ComplianceReport.Aws",
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
    ];

    /// <summary>Meters exported: ours, the AWS adapter's and Orleans'.</summary>
    public static readonly string[] Meters = [ComplianceTelemetry.Name, "ComplianceReport.Aws", "Microsoft.Orleans"];

    /// <summary>
    /// Traces, metrics and logs through the OpenTelemetry SDK. Export follows the SDK's standard
    /// <c>OTEL_*</c> variables: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (on ECS, the ADOT
    /// sidecar), the console when <c>Telemetry:Console</c> is true. Logs carry trace and span ids.
    /// </summary>
    public static IServiceCollection AddComplianceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
            || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);
        var console = configuration.GetValue("Telemetry:Console", false);

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "compliance-report"))
            .WithTracing(t =>
            {
                t.AddSource(ActivitySources);
                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(Meters);
                if (console)
                {
                    m.AddConsoleExporter();
                }
            })
            .WithLogging();
        if (otlp)
        {
            builder.UseOtlpExporter();
        }

        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        return services;
    }
}
