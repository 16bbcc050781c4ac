using ComplianceReport.DynamoDb.Clustering;
using ComplianceReport.DynamoDb.Options;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Messaging;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace ComplianceReport.DynamoDb.Hosting;

/// <summary>Lets an Orleans client find the gateways in the DynamoDB membership table.</summary>
public static class DynamoDbClientBuilderExtensions
{
    public static IClientBuilder UseDynamoDbClustering(this IClientBuilder builder, Action<DynamoDbClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions(MsOptions.DefaultName, configure);
        builder.Services.AddSingleton<IGatewayListProvider, DynamoDbGatewayListProvider>();
        return builder;
    }
}
