namespace ComplianceReport.Demo;

/// <summary>One kind of warning: where it came from, its first message, how often it was logged.</summary>
public sealed record CollectedWarning(string Category, string FirstMessage, int Count);
