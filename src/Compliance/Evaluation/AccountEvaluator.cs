using System.Globalization;
using ComplianceReport.Compliance.Exceptions;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Owners;
using ComplianceReport.Compliance.Severities;

namespace ComplianceReport.Compliance.Evaluation;

/// <summary>
/// The evaluate stage for one account of a run: gives each finding its rule's severity, its owner
/// and the exceptions entry that accepts it, and counts the account's figures after exceptions.
/// Pure: the account grain calls it for the run's figures and again, with the same context, for
/// the rows the workbook lists, so both always agree.
/// </summary>
public sealed class AccountEvaluator(SeverityResolver severities, OwnerResolver owners)
{
    /// <summary>Every finding of the account's scanned regions, evaluated, the most severe first.</summary>
    public IEnumerable<Finding> Findings(AccountScan scan, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(context);
        var evaluation = new Evaluation(this, scan, context);
        return ComplianceEvaluator.Findings(scan).Select(evaluation.Apply).OrderByDescending(f => f.Severity);
    }

    /// <summary>The account's contribution to the run, after severities, owners and exceptions.</summary>
    /// <param name="changes">New and resolved findings against the baseline, as the scan found them.</param>
    public AccountResult Evaluate(AccountScan scan, IReadOnlyList<FindingChange> changes, bool reused, EvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(context);
        var evaluation = new Evaluation(this, scan, context);
        var raw = ComplianceEvaluator.Summarize(scan);
        var bySeverity = SeverityCounts.Zero;
        var byOwner = new Dictionary<string, SeverityCounts>(StringComparer.Ordinal);
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        var expired = new Dictionary<string, int>(StringComparer.Ordinal);

        // Per region and rule: non-compliant resources left once the accepted ones are set aside.
        var remaining = new Dictionary<(string Region, string Rule), int>();
        foreach (var finding in ComplianceEvaluator.Findings(scan).Where(f => f.Compliance == ComplianceType.NonCompliant).Select(evaluation.Apply))
        {
            var key = (finding.Region, finding.RuleName);
            if (finding.AcceptedRiskId is { } entry)
            {
                accepted[entry] = accepted.GetValueOrDefault(entry) + 1;
                remaining.TryAdd(key, 0);
                continue;
            }

            if (evaluation.ExpiredEntryOf(finding) is { } lapsed)
            {
                expired[lapsed] = expired.GetValueOrDefault(lapsed) + 1;
            }

            remaining[key] = remaining.GetValueOrDefault(key) + 1;
            bySeverity = bySeverity.Add(finding.Severity);
            var owner = finding.Owner ?? ResolvedOwner.UnassignedName;
            byOwner[owner] = byOwner.GetValueOrDefault(owner, SeverityCounts.Zero).Add(finding.Severity);
            byRule[finding.RuleName] = byRule.GetValueOrDefault(finding.RuleName) + 1;
        }

        var summary = accepted.Count == 0 ? raw : AfterExceptions(scan, raw, remaining, bySeverity.Total);
        return new AccountResult(
            summary,
            byRule,
            changes.Select(c => c with { Finding = evaluation.Apply(c.Finding) }).ToList(),
            ComplianceEvaluator.Errors(scan).ToList(),
            reused,
            raw.NonCompliantResources,
            evaluation.AccountOwner,
            bySeverity,
            byOwner,
            evaluation.RuleSeverities(),
            accepted,
            expired);
    }

    /// <summary>A rule is compliant in a region when every one of its non-compliant resources there is excepted.</summary>
    private static AccountSummary AfterExceptions(AccountScan scan, AccountSummary raw, Dictionary<(string Region, string Rule), int> remaining, int resources)
    {
        var compliant = 0;
        var nonCompliant = 0;
        foreach (var region in scan.Regions.Where(r => r.Status == RegionScanStatus.Scanned))
        {
            foreach (var rule in region.Rules)
            {
                if (rule.Compliance == ComplianceType.Compliant
                    || (rule.Compliance == ComplianceType.NonCompliant && remaining.TryGetValue((region.Region, rule.RuleName), out var left) && left == 0))
                {
                    compliant++;
                }
                else if (rule.Compliance == ComplianceType.NonCompliant)
                {
                    nonCompliant++;
                }
            }
        }

        var evaluated = compliant + nonCompliant;
        return raw with
        {
            CompliantRules = compliant,
            NonCompliantRules = nonCompliant,
            NonCompliantResources = resources,
            CompliancePercent = evaluated == 0 ? null : (double)compliant / evaluated,
        };
    }

    /// <summary>One account's evaluation state: its rules' severities, its owner and its matcher.</summary>
    private sealed class Evaluation
    {
        private readonly AccountEvaluator _evaluator;
        private readonly AccountScan _scan;
        private readonly EvaluationContext _context;
        private readonly AcceptedRiskMatcher _matcher;
        private readonly Dictionary<string, SeverityRating> _ruleSeverities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string?> _identifiers = new(StringComparer.Ordinal);
        private readonly Dictionary<FindingKey, string> _expired = [];

        public Evaluation(AccountEvaluator evaluator, AccountScan scan, EvaluationContext context)
        {
            _evaluator = evaluator;
            _scan = scan;
            _context = context;
            _matcher = context.Exceptions.Count == 0 ? AcceptedRiskMatcher.Empty : new AcceptedRiskMatcher(context.Exceptions);
            foreach (var rule in scan.Regions.SelectMany(r => r.Rules))
            {
                if (!_identifiers.TryGetValue(rule.RuleName, out var known) || known is null)
                {
                    _identifiers[rule.RuleName] = rule.SourceIdentifier;
                }
            }

            AccountOwner = evaluator.OwnerOf(new Dictionary<string, string>(), scan.Account, context);
        }

        public ResolvedOwner AccountOwner { get; }

        public IReadOnlyDictionary<string, SeverityRating> RuleSeverities()
        {
            foreach (var rule in _identifiers.Keys)
            {
                SeverityOf(rule);
            }

            return _ruleSeverities;
        }

        public string? ExpiredEntryOf(Finding finding) => _expired.GetValueOrDefault(finding.Key);

        public Finding Apply(Finding finding)
        {
            var severity = SeverityOf(finding.RuleName).Severity;
            var owner = _evaluator.OwnerOf(finding.Tags, _scan.Account, _context).Owner;
            var match = _matcher.IsEmpty ? null : _matcher.Match(_scan.Account, finding, _context.Today);
            if (match is null)
            {
                return finding with { Severity = severity, Owner = owner };
            }

            var expires = match.Entry.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (match.Expired)
            {
                _expired[finding.Key] = match.Entry.Id;
                return finding with { Severity = severity, Owner = owner, ExceptionNote = $"exception {match.Entry.Id} expired {expires}" };
            }

            return finding with { Severity = severity, Owner = owner, AcceptedRiskId = match.Entry.Id, ExceptionNote = $"Excepted by {match.Entry.Id} until {expires}" };
        }

        private SeverityRating SeverityOf(string rule)
        {
            if (!_ruleSeverities.TryGetValue(rule, out var rating))
            {
                rating = _evaluator.SeverityOf(rule, _identifiers.GetValueOrDefault(rule));
                _ruleSeverities[rule] = rating;
            }

            return rating;
        }
    }

    private SeverityRating SeverityOf(string rule, string? identifier) => severities.Resolve(rule, identifier);

    private ResolvedOwner OwnerOf(IReadOnlyDictionary<string, string> tags, OrganizationAccount account, EvaluationContext context) =>
        owners.Resolve(tags, account, context.AccountTags);
}
