using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace ComplianceReport.Aws.Tests.Support;

/// <summary>The real STS client, counting AssumeRole calls per role ARN.</summary>
public sealed class CountingStsClient(AWSCredentials credentials, string endpoint)
    : AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" })
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _calls = new();

    public int AssumeRoleCalls(string roleArn) => _calls.TryGetValue(roleArn, out var count) ? count : 0;

    public int TotalAssumeRoleCalls => _calls.Values.Sum();

    public override Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        _calls.AddOrUpdate(request.RoleArn, 1, (_, n) => n + 1);
        return base.AssumeRoleAsync(request, cancellationToken);
    }
}
