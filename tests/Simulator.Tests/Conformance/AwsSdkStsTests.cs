using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Simulator.Tests.Conformance;

/// <summary>The AWS SDK for .NET's STS client (the one the product uses) against the simulator.</summary>
public sealed class AwsSdkStsTests
{
    [Fact]
    public async Task The_dotnet_sdk_assumes_roles_and_sees_the_STS_error_codes()
    {
        await using var simulator = await SimulatorApp.StartAsync(new SimulatorOptions { Accounts = 4, DenyAccounts = 1, Seed = 21 });
        var hub = new BasicAWSCredentials(simulator.Options.HubKeyId, simulator.Options.HubSecret);
        using var sts = Client(simulator, hub);

        Assert.Equal(simulator.HubAccountId, (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Account);

        var member = simulator.Organization.Accounts.First(a => !a.IsManagement && !a.IsDenied);
        var assumed = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = SimulatorApp.ReadRoleArn(member.Id), RoleSessionName = "sdk-test", DurationSeconds = 900 });
        Assert.InRange(assumed.Credentials.Expiration!.Value, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));
        using var session = Client(simulator, new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.Equal((member.Id, $"arn:aws:sts::{member.Id}:assumed-role/system-config-report-generator-read-role/sdk-test"), (identity.Account, identity.Arn));

        var denied = simulator.Organization.Accounts.Single(a => a.IsDenied);
        Assert.Equal("AccessDenied", (await Assert.ThrowsAnyAsync<AmazonServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = SimulatorApp.ReadRoleArn(denied.Id), RoleSessionName = "sdk-test" }))).ErrorCode);
        Assert.Equal("ValidationError", (await Assert.ThrowsAnyAsync<AmazonServiceException>(
            () => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = simulator.ListOrgRoleArn, RoleSessionName = "sdk-test", DurationSeconds = 7200 }))).ErrorCode);

        using var wrongSecret = Client(simulator, new BasicAWSCredentials(simulator.Options.HubKeyId, "not-the-secret"));
        Assert.Equal("SignatureDoesNotMatch", (await Assert.ThrowsAnyAsync<AmazonServiceException>(
            () => wrongSecret.GetCallerIdentityAsync(new GetCallerIdentityRequest()))).ErrorCode);

        simulator.AdvanceClock(TimeSpan.FromSeconds(901));
        Assert.Equal("ExpiredToken", (await Assert.ThrowsAnyAsync<AmazonServiceException>(
            () => session.GetCallerIdentityAsync(new GetCallerIdentityRequest()))).ErrorCode);
    }

    private static AmazonSecurityTokenServiceClient Client(SimulatorApp simulator, AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = simulator.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });
}
