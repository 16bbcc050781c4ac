namespace ComplianceReport.Grains.Reports;

/// <summary>
/// The one way a run saves its state. Writes are chained, so two are never in flight: with
/// ETag-checking storage a second concurrent write would fail with an inconsistent-state error.
/// Checkpoints during scanning are spaced out and never fail the run; phase changes propagate errors.
/// </summary>
internal sealed class RunStateStore(IPersistentState<RunState> state, TimeProvider time)
{
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromSeconds(2);

    private Task _last = Task.CompletedTask;
    private DateTimeOffset _lastCheckpoint = time.GetUtcNow();

    public RunState State => state.State;

    /// <summary>Saves the state as it is now, after any write already in flight.</summary>
    public Task SaveAsync(CancellationToken cancellationToken)
    {
        var previous = _last;
        _last = WriteAfterAsync(previous, cancellationToken);
        return _last;
    }

    /// <summary>
    /// Saves progress when the last checkpoint is old enough. Writing costs more as the state grows
    /// (1-2 s at 6,000 accounts), so the interval grows with it and a checkpoint still in flight is
    /// not queued behind: recording results never waits for storage.
    /// </summary>
    public void CheckpointIfDue()
    {
        var now = time.GetUtcNow();
        var interval = CheckpointInterval * (1 + (state.State.Outcomes.Count / 2000));
        if (!_last.IsCompleted || now - _lastCheckpoint < interval)
        {
            return;
        }

        _lastCheckpoint = now;
        _last = CheckpointAsync(_last);
    }

    /// <summary>Waits for the writes started so far; a failed checkpoint is not an error here.</summary>
    public async Task FlushAsync()
    {
        try
        {
            await _last;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next phase write saves everything again.
        }
    }

    private async Task WriteAfterAsync(Task previous, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An earlier checkpoint's failure belongs to it; this write saves the same state and more.
        }

        await state.WriteStateAsync(cancellationToken);
    }

    private async Task CheckpointAsync(Task previous)
    {
        try
        {
            await WriteAfterAsync(previous, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Progress is saved again at the next checkpoint or phase change; scanning goes on.
        }
    }
}
