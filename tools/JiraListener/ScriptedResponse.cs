namespace ComplianceReport.JiraListener;

/// <summary>A one-time answer to the next request matching method and path (instead of the fake's normal behaviour).</summary>
/// <param name="ThenPerform">Do the real work (for example create the issue) and still answer with this status.</param>
public sealed record ScriptedResponse(
    string Method,
    string PathSuffix,
    int Status,
    string Body = "",
    IReadOnlyDictionary<string, string>? Headers = null,
    bool ThenPerform = false);
