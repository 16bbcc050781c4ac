namespace ComplianceReport.Client.Doctor;

/// <summary>One preflight check of a deployment; it reports failures as rows, never as exceptions.</summary>
public interface IDoctorCheck
{
    /// <summary>The row name used when the check itself breaks unexpectedly.</summary>
    string Name { get; }

    Task<IReadOnlyList<DoctorCheckResult>> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
