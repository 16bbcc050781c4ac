namespace ComplianceReport.JiraListener;

/// <summary>One end of an issue link as the fake keeps it on an issue.</summary>
/// <param name="Outward">Whether <paramref name="Key"/> is the link's outward issue (seen from this one).</param>
public sealed record FakeLink(string Type, string Key, bool Outward);
