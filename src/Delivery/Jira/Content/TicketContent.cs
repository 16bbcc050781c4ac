namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>What the ticket says, independent of the Jira API version.</summary>
internal sealed record TicketContent(string Summary, IReadOnlyList<TicketBlock> Description, IReadOnlyList<string> Labels, string RunLabel);
