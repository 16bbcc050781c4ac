using ComplianceReport.DynamoDb.Clustering;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Reminders;
using ComplianceReport.DynamoDb.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Hosting;

/// <summary>Puts a silo's membership, grain state and reminders in DynamoDB.</summary>
public static class DynamoDbSiloBuilderExtensions
{
    public static ISiloBuilder UseDynamoDbClustering(this ISiloBuilder builder, Action<DynamoDbClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions(MsOptions.DefaultName, configure);
        builder.Services.AddSingleton<IMembershipTable, DynamoDbMembershipTable>();
        return builder;
    }

    public static ISiloBuilder AddDynamoDbGrainStorageAsDefault(this ISiloBuilder builder, Action<DynamoDbStorageOptions> configure) =>
        builder.AddDynamoDbGrainStorage(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, configure);

    public static ISiloBuilder AddDynamoDbGrainStorage(this ISiloBuilder builder, string name, Action<DynamoDbStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddValidatedOptions(name, configure);
        builder.Services.AddGrainStorage(name, static (services, providerName) => new DynamoDbGrainStorage(
            providerName,
            services.GetRequiredService<IOptionsMonitor<DynamoDbStorageOptions>>().Get(providerName),
            services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<IOptions<ClusterOptions>>(),
            services.GetRequiredService<ILogger<DynamoDbGrainStorage>>()));
        return builder;
    }

    public static ISiloBuilder UseDynamoDbReminderService(this ISiloBuilder builder, Action<DynamoDbRemindersOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReminders();
        builder.Services.AddValidatedOptions(MsOptions.DefaultName, configure);
        builder.Services.AddSingleton<IReminderTable, DynamoDbReminderTable>();
        return builder;
    }

    internal static void AddValidatedOptions<TOptions>(this IServiceCollection services, string name, Action<TOptions> configure)
        where TOptions : DynamoDbTableOptions
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, DynamoDbTableOptionsValidator<TOptions>>());
    }
}
