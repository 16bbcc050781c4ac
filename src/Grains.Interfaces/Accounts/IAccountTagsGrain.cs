using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>
/// The organization's account tags as runs last read them (key: <see cref="Reports.ReportGrainKeys.Default"/>),
/// so that a run reads only new accounts and tags older than <c>Organization:AccountTagsMaxAge</c>
/// before it evaluates.
/// </summary>
public interface IAccountTagsGrain : IGrainWithStringKey
{
    Task<AccountTagsCache> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="cache"/> (a run's organization and reads): accounts it does not hold
    /// are dropped, and an account read more recently than <paramref name="cache"/> says (by a run
    /// that overlapped) keeps that newer read.
    /// </summary>
    Task RecordAsync(AccountTagsCache cache, CancellationToken cancellationToken);
}
