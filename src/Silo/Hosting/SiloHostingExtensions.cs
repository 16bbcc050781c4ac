using ComplianceReport.Grains.Interfaces.Hosting;
using ComplianceReport.Silo.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Dashboard;

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

        // Orleans' failure detection, tunable as Cluster:Membership:ProbeTimeout, NumMissedProbesLimit, …
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cluster:Membership"));
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("cluster", tags: ["ready"]);
        builder.UseOrleans(silo =>
        {
            silo.ConfigureComplianceSilo(cluster);
            if (cluster.DashboardPort > 0)
            {
                silo.AddDashboard();
            }
        });

        if (cluster.DashboardPort > 0)
        {
            // The dashboard gets a port of its own, so a security group can keep it apart from health checks.
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://*:{cluster.DashboardPort}");
        }

        return builder;
    }

    public static WebApplication MapComplianceEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        var cluster = app.Configuration.ReadClusterSettings();
        if (cluster.DashboardPort > 0)
        {
            app.MapOrleansDashboard().RequireHost($"*:{cluster.DashboardPort}");
        }

        return app;
    }
}
