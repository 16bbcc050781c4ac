using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;

namespace ComplianceReport.Client.Cli;

/// <summary>Account ids on the command line: their shape, and whether the organization has them.</summary>
public static class AccountIds
{
    /// <summary>An AWS account id is exactly 12 ASCII digits.</summary>
    public static bool IsValid(string value) => value.Length == 12 && value.All(char.IsAsciiDigit);

    /// <summary>The usage error for the first id that is not one, or null.</summary>
    public static string? FirstInvalid(IEnumerable<string> values) =>
        values.FirstOrDefault(v => !IsValid(v)) is { } bad ? $"'{bad}' is not an AWS account id (12 digits)." : null;

    /// <summary>
    /// The ids that are not in the organization as the latest run listed it (or, before any run,
    /// that no discovery has described), with the sentence that refuses them; nothing is
    /// written, so a typo leaves no trace in the cluster.
    /// </summary>
    public static async Task<string?> RefuseUnknownAsync(IComplianceApi api, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var latest = await api.FindRunAsync(null, cancellationToken);
        List<string> unknown;
        string where;
        if (latest is null)
        {
            unknown = [];
            foreach (var id in ids)
            {
                if ((await api.GetAccountAsync(id, cancellationToken)).Account is null)
                {
                    unknown.Add(id);
                }
            }

            where = "no run has listed the organization yet; start one with 'report run --wait'";
        }
        else
        {
            var members = (await api.GetStandingsAsync(latest.RunId, cancellationToken))
                .Select(s => s.Summary.Account.AccountId)
                .ToHashSet(StringComparer.Ordinal);
            unknown = ids.Where(id => !members.Contains(id)).ToList();
            where = $"run {latest.RunId} lists {CliOutput.Number(members.Count)} accounts";
        }

        return unknown.Count == 0
            ? null
            : $"{(unknown.Count == 1 ? "Account" : "Accounts")} {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not in the organization ({where}): nothing was done.";
    }
}
