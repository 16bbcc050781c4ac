namespace ComplianceReport.Delivery.Jira.Content;

internal sealed record ParagraphBlock(IReadOnlyList<TicketInline> Inlines) : TicketBlock
{
    public ParagraphBlock(params TicketInline[] inlines)
        : this((IReadOnlyList<TicketInline>)inlines)
    {
    }
}
