namespace ComplianceReport.DynamoDb.Options;

/// <summary>Where one provider keeps its DynamoDB table and how it reaches it.</summary>
public abstract class DynamoDbTableOptions
{
    /// <summary>The table name; callers derive it from <c>Cluster:TablePrefix</c> (see <see cref="DynamoDbTableNames"/>).</summary>
    public string TableName { get; set; } = string.Empty;

    /// <summary>
    /// An explicit endpoint (for example a local stand-in). Empty: the SDK's own endpoint
    /// resolution, which honours <c>AWS_ENDPOINT_URL_DYNAMODB</c> and <c>AWS_ENDPOINT_URL</c>.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The AWS region (for example eu-west-1). Empty: the SDK's region resolution.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// True: create a missing table (pay-per-request) and wait until it is ACTIVE, for development.
    /// False: the table must exist (deploy creates it); start fails naming the missing table.
    /// </summary>
    public bool CreateIfNotExists { get; set; }

    /// <summary>Explicit credentials (tests against a stand-in). Empty: the default credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret matching <see cref="AccessKeyId"/>; never logged.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>The name used in validation messages, e.g. "DynamoDb:Clustering".</summary>
    internal abstract string Section { get; }
}
