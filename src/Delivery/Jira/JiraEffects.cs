using System.Globalization;
using ComplianceReport.Compliance.Ports;

namespace ComplianceReport.Delivery.Jira;

/// <summary>
/// The exactly-once rules every Jira effect follows: an intent journaled before the request, and
/// on resume a look for what the lost attempt may have done, for as long as it could still land.
/// </summary>
internal sealed class JiraEffects(JiraOptions options, TimeProvider time)
{
    private static readonly TimeSpan SettlePoll = TimeSpan.FromSeconds(2);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public string Now() => UtcNow.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// An issue found by <paramref name="find"/>, or a new one. Before creating, the intent is
    /// journaled; a run that finds such an intent (its earlier attempt died mid-create) keeps
    /// searching until that create must have landed. When a create fails transiently Jira may
    /// still have made the issue, so each further try searches first.
    /// </summary>
    /// <param name="marker">The run's label: an issue found with it was created by this run.</param>
    /// <returns>The key, and whether this run created it.</returns>
    public async Task<(string Key, bool Created)> FindOrCreateAsync(
        JiraClient client,
        Func<Task<(string Key, IReadOnlyList<string> Labels)?>> find,
        Func<Task<string>> create,
        string marker,
        string intentEntry,
        IDeliveryJournal journal,
        CancellationToken cancellationToken)
    {
        var found = await find().ConfigureAwait(false);
        if (found is null)
        {
            await AlreadyDoneAsync(journal, intentEntry, async () => (found = await find().ConfigureAwait(false)) is not null, cancellationToken).ConfigureAwait(false);
        }

        if (found is { } existing)
        {
            return (existing.Key, existing.Labels.Contains(marker, StringComparer.Ordinal));
        }

        for (var attempt = 1; ; attempt++)
        {
            await journal.SetAsync(intentEntry, Now(), cancellationToken).ConfigureAwait(false);
            try
            {
                return (await create().ConfigureAwait(false), true);
            }
            catch (JiraRequestException ex) when (ex.IsTransient && attempt < options.MaxAttempts)
            {
                await client.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                if (await find().ConfigureAwait(false) is { } landed)
                {
                    // Found right after our own failed create: that create went through.
                    return (landed.Key, landed.Labels.Contains(marker, StringComparer.Ordinal));
                }
            }
        }
    }

    /// <summary>
    /// Whether an effect whose intent the journal holds is visible already. An earlier attempt's
    /// request can still land up to <see cref="JiraOptions.RequestTimeout"/> after its intent, and
    /// show in reads <see cref="JiraOptions.SearchLag"/> after that: until then, look again.
    /// </summary>
    public async Task<bool> AlreadyDoneAsync(IDeliveryJournal journal, string intentEntry, Func<Task<bool>> visible, CancellationToken cancellationToken)
    {
        if (journal.Get(intentEntry) is not { } recorded
            || !DateTimeOffset.TryParse(recorded, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var intent))
        {
            return false;
        }

        // Counted polls rather than a clock loop, so that the wait ends whatever the clock does.
        var window = intent + options.RequestTimeout + options.SearchLag - time.GetUtcNow();
        var polls = window <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(window / SettlePoll);
        for (var poll = 0; ; poll++)
        {
            if (await visible().ConfigureAwait(false))
            {
                return true;
            }

            if (poll >= polls)
            {
                return false;
            }

            await Task.Delay(SettlePoll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Does a non-repeatable effect once: skipped when <paramref name="doneEntry"/> is set or the
    /// effect is <paramref name="visible"/> (made by another run, or by a lost attempt of this one,
    /// which is waited for), else journaled and made.
    /// </summary>
    /// <returns>Whether this call made the effect.</returns>
    public async Task<bool> OnceAsync(IDeliveryJournal journal, string doneEntry, string intentEntry, Func<Task<bool>> visible, Func<Task> effect, CancellationToken cancellationToken)
    {
        if (journal.Get(doneEntry) is not null)
        {
            return false;
        }

        var made = false;
        if (!await visible().ConfigureAwait(false) && !await AlreadyDoneAsync(journal, intentEntry, visible, cancellationToken).ConfigureAwait(false))
        {
            await journal.SetAsync(intentEntry, Now(), cancellationToken).ConfigureAwait(false);
            await effect().ConfigureAwait(false);
            made = true;
        }

        await journal.SetAsync(doneEntry, "true", cancellationToken).ConfigureAwait(false);
        return made;
    }
}
