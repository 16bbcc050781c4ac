namespace ComplianceReport.Workbook.Sheets;

/// <summary>A finished worksheet part, as the workbook part lists it.</summary>
/// <param name="AutoFilterRange">The filtered range (e.g. <c>A1:K42</c>), when the sheet has one.</param>
/// <param name="RepeatsHeader">Row 1 is printed on every page (the Print_Titles defined name).</param>
internal sealed record WrittenSheet(string Name, string RelationshipId, string? AutoFilterRange, bool RepeatsHeader);
