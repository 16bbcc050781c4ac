namespace ComplianceReport.Client.Doctor;

/// <summary>How one preflight check ended; <see cref="Skipped"/> is a feature that is off by configuration.</summary>
public enum DoctorStatus
{
    Passed,
    Failed,
    Skipped,
}
