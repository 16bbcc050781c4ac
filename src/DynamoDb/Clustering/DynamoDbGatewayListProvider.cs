using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ComplianceReport.DynamoDb.Options;
using ComplianceReport.DynamoDb.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Messaging;
using Orleans.Runtime;

namespace ComplianceReport.DynamoDb.Clustering;

/// <summary>Gives clients the gateway endpoints of the cluster's active silos, read from the membership table.</summary>
public sealed class DynamoDbGatewayListProvider : IGatewayListProvider, IDisposable
{
    private readonly DynamoDbClusteringOptions _options;
    private readonly string _clusterId;
    private readonly ILogger<DynamoDbGatewayListProvider> _logger;
    private readonly AmazonDynamoDBClient _client;

    public DynamoDbGatewayListProvider(
        IOptions<DynamoDbClusteringOptions> options,
        IOptions<ClusterOptions> clusterOptions,
        IOptions<GatewayOptions> gatewayOptions,
        ILogger<DynamoDbGatewayListProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(gatewayOptions);
        _options = options.Value;
        _clusterId = clusterOptions.Value.ClusterId;
        _logger = logger;
        MaxStaleness = gatewayOptions.Value.GatewayListRefreshPeriod;
        _client = DynamoDbClientFactory.Create(_options);
    }

    public TimeSpan MaxStaleness { get; }

    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() =>
        DynamoDbTable.EnsureAsync(_client, _options, MembershipItem.ClusterId, MembershipItem.SiloId, _logger, CancellationToken.None);

    public async Task<IList<Uri>> GetGateways()
    {
        var request = new QueryRequest
        {
            TableName = _options.TableName,
            KeyConditionExpression = "#c = :c",
            FilterExpression = "#st = :active AND #p > :zero",
            ExpressionAttributeNames = new Dictionary<string, string>
            {
                ["#c"] = MembershipItem.ClusterId,
                ["#st"] = MembershipItem.Status,
                ["#p"] = MembershipItem.ProxyPort,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>
            {
                [":c"] = Attr.S(_clusterId),
                [":active"] = Attr.N((int)SiloStatus.Active),
                [":zero"] = Attr.N(0),
            },
        };
        var items = await DynamoDbItems.QueryAllAsync(_client, request, CancellationToken.None);
        return [.. items
            .Select(MembershipItem.ToEntry)
            .Select(e => SiloAddress.New(e.SiloAddress.Endpoint.Address, e.ProxyPort, e.SiloAddress.Generation).ToGatewayUri())];
    }

    public void Dispose() => _client.Dispose();
}
