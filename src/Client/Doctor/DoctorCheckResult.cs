namespace ComplianceReport.Client.Doctor;

/// <summary>One row of <c>doctor</c>: what was checked, how it went, and on failure the exact fix.</summary>
public sealed record DoctorCheckResult(string Check, DoctorStatus Status, string Detail, string? Fix = null)
{
    public static DoctorCheckResult Pass(string check, string detail) => new(check, DoctorStatus.Passed, detail);

    public static DoctorCheckResult Fail(string check, string detail, string fix) => new(check, DoctorStatus.Failed, detail, fix);

    public static DoctorCheckResult Skip(string check, string detail) => new(check, DoctorStatus.Skipped, detail);
}
