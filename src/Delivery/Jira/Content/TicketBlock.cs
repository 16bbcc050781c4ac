namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>A block of the ticket description, rendered to ADF (Cloud) or wiki markup (Data Center).</summary>
internal abstract record TicketBlock;
