using System.Globalization;
using System.Text.Json;
using ComplianceReport.Aws.Client;
using ComplianceReport.Aws.Tests.Support;
using ComplianceReport.TestSupport;

namespace ComplianceReport.Aws.Tests.Moto;

/// <summary>
/// moto_server holding an organization of 3 OU levels and 50 member accounts (more than two pages
/// of 20 under one OU), built once for the collection. The hub (moto's default account) is the
/// management account.
/// </summary>
public sealed class MotoOrganization : IAsyncLifetime
{
    public const string ManagementAccountId = "123456789012";

    public MotoServer Moto { get; } = new();

    public string RootId { get; private set; } = string.Empty;

    public string ProdOuId { get; private set; } = string.Empty;

    public string PaymentsOuId { get; private set; } = string.Empty;

    /// <summary>Every account with its expected OU path, the management account included.</summary>
    public Dictionary<string, string> ExpectedPaths { get; } = new(StringComparer.Ordinal);

    public string SuspendedAccountId { get; private set; } = string.Empty;

    public string ExcludedAccountId { get; private set; } = string.Empty;

    public string Endpoint => Moto.Endpoint;

    public async Task InitializeAsync()
    {
        await Moto.InitializeAsync();
        using var client = new AwsJsonClient(TestCredentials.Hub, new AwsJsonClientSettings(AwsJsonService.Organizations, "us-east-1", Moto.Endpoint));

        await Call(client, "CreateOrganization", new { FeatureSet = "ALL" });
        RootId = (await Call(client, "ListRoots", new { })).GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        ExpectedPaths[ManagementAccountId] = "Root";

        ProdOuId = await CreateOu(client, RootId, "Prod");
        PaymentsOuId = await CreateOu(client, ProdOuId, "Payments");
        var cardsOuId = await CreateOu(client, PaymentsOuId, "Cards");
        var devOuId = await CreateOu(client, RootId, "Dev");

        // 25 accounts in one OU: two full pages of 20 and a third.
        var layout = new List<(string OuId, string Path, int Count)>
        {
            (PaymentsOuId, "Root/Prod/Payments", 25),
            (cardsOuId, "Root/Prod/Payments/Cards", 10),
            (ProdOuId, "Root/Prod", 5),
            (devOuId, "Root/Dev", 5),
            (RootId, "Root", 5),
        };
        var n = 0;
        foreach (var (ouId, path, count) in layout)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"member-{n:D2}");
                var status = await Call(client, "CreateAccount", new { AccountName = name, Email = $"{name}@example.com" });
                var accountId = status.GetProperty("CreateAccountStatus").GetProperty("AccountId").GetString()!;
                if (ouId != RootId)
                {
                    await Call(client, "MoveAccount", new { AccountId = accountId, SourceParentId = RootId, DestinationParentId = ouId });
                }

                ExpectedPaths[accountId] = path;
            }
        }

        SuspendedAccountId = ExpectedPaths.First(p => p.Value == "Root/Dev").Key;
        await Call(client, "CloseAccount", new { AccountId = SuspendedAccountId });
        ExcludedAccountId = ExpectedPaths.First(p => p.Value == "Root/Prod/Payments/Cards").Key;
    }

    public Task DisposeAsync() => Moto.DisposeAsync();

    private static async Task<string> CreateOu(AwsJsonClient client, string parentId, string name) =>
        (await Call(client, "CreateOrganizationalUnit", new { ParentId = parentId, Name = name }))
            .GetProperty("OrganizationalUnit").GetProperty("Id").GetString()!;

    private static Task<JsonElement> Call(AwsJsonClient client, string operation, object request) =>
        client.InvokeAsync<object, JsonElement>(operation, request, CancellationToken.None);
}
