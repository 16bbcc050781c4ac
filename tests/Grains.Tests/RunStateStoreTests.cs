using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Grains.Reports;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;

namespace ComplianceReport.Grains.Tests;

/// <summary>The run's saves against storage that is slow and checks ETags, as DynamoDB does.</summary>
public sealed class RunStateStoreTests
{
    [Fact]
    public async Task A_slow_checkpoint_overlapping_a_phase_change_never_fails_the_save()
    {
        var storage = new EtagCheckingState(TimeSpan.FromMilliseconds(300));
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new RunStateStore(storage, time);

        time.Advance(TimeSpan.FromSeconds(3));
        store.CheckpointIfDue();
        Assert.Equal(1, storage.InFlight);

        // The phase change arrives while the checkpoint is still being written.
        store.State.Phase = RunPhase.Building;
        await store.SaveAsync(CancellationToken.None);

        Assert.Equal(2, storage.Writes);
        Assert.Equal(0, storage.Conflicts);
        Assert.Equal(RunPhase.Building, storage.Saved);
    }

    [Fact]
    public async Task Checkpoints_are_spaced_out_and_never_queue_behind_one_in_flight()
    {
        var storage = new EtagCheckingState(TimeSpan.FromMilliseconds(200));
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new RunStateStore(storage, time);

        store.CheckpointIfDue();
        Assert.Equal(0, storage.Writes + storage.InFlight);

        time.Advance(TimeSpan.FromSeconds(3));
        store.CheckpointIfDue();
        time.Advance(TimeSpan.FromSeconds(3));
        store.CheckpointIfDue();
        await store.FlushAsync();

        Assert.Equal(1, storage.Writes);
        Assert.Equal(0, storage.Conflicts);
    }

    [Fact]
    public async Task A_failed_checkpoint_does_not_fail_the_next_phase_write()
    {
        var storage = new EtagCheckingState(TimeSpan.FromMilliseconds(50)) { FailNext = true };
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new RunStateStore(storage, time);

        time.Advance(TimeSpan.FromSeconds(3));
        store.CheckpointIfDue();
        store.State.Phase = RunPhase.Delivering;
        await store.SaveAsync(CancellationToken.None);

        Assert.Equal(RunPhase.Delivering, storage.Saved);
        Assert.Equal(1, storage.Writes);
    }

    [Fact]
    public async Task A_phase_write_that_fails_reports_its_error()
    {
        var storage = new EtagCheckingState(TimeSpan.Zero) { FailNext = true };
        var store = new RunStateStore(storage, new FakeTimeProvider());

        await Assert.ThrowsAsync<InconsistentStateException>(() => store.SaveAsync(CancellationToken.None));
    }

    /// <summary>
    /// Storage whose write takes a while and, like ETag-checked storage, rejects a write that
    /// starts while another is in flight (both carry the same ETag; the second would lose).
    /// </summary>
    private sealed class EtagCheckingState(TimeSpan latency) : IPersistentState<RunState>
    {
        private int _inFlight;

        public RunState State { get; set; } = new();

        public string? Etag { get; private set; } = "0";

        public bool RecordExists => Etag != "0";

        public int Writes { get; private set; }

        public int Conflicts { get; private set; }

        public int InFlight => _inFlight;

        public bool FailNext { get; set; }

        public RunPhase? Saved { get; private set; }

        public Task ClearStateAsync() => Task.CompletedTask;

        public Task ClearStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

        public async Task WriteStateAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _inFlight) > 1)
            {
                Interlocked.Decrement(ref _inFlight);
                Conflicts++;
                throw new InconsistentStateException("Two writes in flight", Etag, Etag);
            }

            try
            {
                await Task.Delay(latency, cancellationToken);
                if (FailNext)
                {
                    FailNext = false;
                    throw new InconsistentStateException("Storage rejected the write", Etag, "other");
                }

                var phase = State.Phase;
                Writes++;
                Saved = phase;
                Etag = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
