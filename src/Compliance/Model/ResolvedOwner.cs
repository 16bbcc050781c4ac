namespace ComplianceReport.Compliance.Model;

/// <summary>A finding's owner and which source named it.</summary>
public sealed record ResolvedOwner(string Owner, OwnerSource Source)
{
    public const string UnassignedName = "Unassigned";

    public static ResolvedOwner Unassigned { get; } = new(UnassignedName, OwnerSource.Unassigned);
}
