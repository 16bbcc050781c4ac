namespace ComplianceReport.Client.Doctor;

/// <summary>Runs the checks in order; a check that throws becomes one failed row so the others still run.</summary>
public sealed class DoctorRunner(IEnumerable<IDoctorCheck> checks)
{
    public async Task<IReadOnlyList<DoctorCheckResult>> RunAsync(int? sample, CancellationToken cancellationToken)
    {
        var context = new DoctorContext(sample);
        var rows = new List<DoctorCheckResult>();
        foreach (var check in checks)
        {
            try
            {
                rows.AddRange(await check.RunAsync(context, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                rows.Add(DoctorCheckResult.Fail(check.Name, $"{ex.GetType().Name}: {DoctorText.FirstLine(ex.Message)}", "Fix the error above and run doctor again."));
            }
        }

        return rows;
    }
}
