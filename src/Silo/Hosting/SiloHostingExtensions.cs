using ComplianceReport.Grains.Interfaces.Hosting;
using ComplianceReport.Silo.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ComplianceReport.Silo.Hosting;

public static class SiloHostingExtensions
{
    /// <summary>Reads and validates the <c>Cluster</c> section; a bad value names its key.</summary>
    public static ClusterSettings ReadClusterSettings(this IConfiguration configuration)
    {
        ClusterSettings settings;
        try
        {
            settings = configuration.GetSection(ClusterSettings.SectionName).Get<ClusterSettings>() ?? new ClusterSettings();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the value it could not convert.
            throw new ConfigurationErrorException(ex.Message);
        }

        var errors = settings.Validate();
        return errors.Count == 0 ? settings : throw new ConfigurationErrorException(string.Join(" ", errors));
    }

    /// <summary>The whole silo: Orleans, adapters, grains' options, health checks.</summary>
    public static WebApplicationBuilder AddComplianceSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.ReadClusterSettings();
        builder.Services.AddComplianceServices(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster", tags: ["ready"]);
        builder.UseOrleans(silo => silo.ConfigureComplianceSilo(cluster));
        return builder;
    }

    public static WebApplication MapComplianceEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
