namespace ComplianceReport.Delivery.Jira.Content;

internal sealed record BulletListBlock(IReadOnlyList<IReadOnlyList<TicketInline>> Items) : TicketBlock;
