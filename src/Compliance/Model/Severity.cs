namespace ComplianceReport.Compliance.Model;

/// <summary>
/// How much a failing rule matters, on Security Hub CSPM's scale. Higher is worse, so sorting
/// descending puts Critical first; <see cref="Unrated"/> is the default for rules nobody rated.
/// </summary>
public enum Severity
{
    Unrated = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
