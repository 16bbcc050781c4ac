namespace ComplianceReport.Workbook.Sheets;

/// <summary>A finished worksheet part, as the workbook part lists it.</summary>
/// <param name="AutoFilterRange">The filtered range (e.g. <c>A1:K42</c>), when the sheet has one.</param>
internal sealed record WrittenSheet(string Name, string RelationshipId, string? AutoFilterRange);
