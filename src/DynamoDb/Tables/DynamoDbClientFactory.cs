using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using ComplianceReport.DynamoDb.Options;

namespace ComplianceReport.DynamoDb.Tables;

/// <summary>Builds an SDK client from provider options.</summary>
internal static class DynamoDbClientFactory
{
    public static AmazonDynamoDBClient Create(DynamoDbTableOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (!string.IsNullOrWhiteSpace(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        // Without ServiceUrl the SDK resolves the endpoint itself, which is what makes
        // AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL work.
        if (!string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(options.Region) ? "us-east-1" : options.Region;
        }

        return string.IsNullOrWhiteSpace(options.AccessKeyId)
            ? new AmazonDynamoDBClient(config)
            : new AmazonDynamoDBClient(new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey), config);
    }
}
