namespace ComplianceReport.Delivery.Jira.Content;

internal sealed record HeadingBlock(string Text) : TicketBlock;
