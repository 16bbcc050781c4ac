namespace ComplianceReport.Delivery.Jira.Content;

/// <summary>A run of text in the ticket. Text is always literal: renderers escape it for their format.</summary>
/// <param name="Href">Makes the text a link; only our own URLs (the presigned S3 link) are ever used.</param>
internal sealed record TicketInline(string Text, bool Strong = false, bool Code = false, string? Href = null);
