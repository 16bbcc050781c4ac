namespace ComplianceReport.AwsSimulator.Generation;

/// <summary>The week-independent part of one account and region: resources and deployed rules.</summary>
internal sealed class RegionData
{
    private readonly Dictionary<string, int> _ruleIndex;
    private readonly Dictionary<(string Type, string Id), int> _resourceIndex;

    public RegionData(string accountId, string region, bool hasRecorder, ResourceData[] resources, RuleData[] rules)
    {
        AccountId = accountId;
        Region = region;
        HasRecorder = hasRecorder;
        Resources = resources;
        Rules = rules;
        _ruleIndex = new Dictionary<string, int>(rules.Length, StringComparer.Ordinal);
        for (var i = 0; i < rules.Length; i++)
        {
            _ruleIndex[rules[i].Name] = i;
        }

        _resourceIndex = new Dictionary<(string, string), int>(resources.Length);
        for (var i = 0; i < resources.Length; i++)
        {
            _resourceIndex[(resources[i].Type, resources[i].Id)] = i;
        }
    }

    public string AccountId { get; }

    public string Region { get; }

    public bool HasRecorder { get; }

    public ResourceData[] Resources { get; }

    public RuleData[] Rules { get; }

    public int RuleIndex(string name) => _ruleIndex.TryGetValue(name, out var index) ? index : -1;

    public ResourceData? FindResource(string type, string id) =>
        _resourceIndex.TryGetValue((type, id), out var index) ? Resources[index] : null;
}
