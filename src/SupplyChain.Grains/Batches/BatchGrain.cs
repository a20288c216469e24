using Microsoft.Extensions.Logging;
using EventId = SupplyChain.Domain.Identifiers.EventId;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;
using SupplyChain.Grains.Alerts;
using SupplyChain.Grains.Chains;
using SupplyChain.Grains.Participants;
using SupplyChain.Grains.Products;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Batches;

/// <summary>
/// A batch: loads its state from the head row of its log, asks the domain rules for the event a command makes,
/// stores it in the silo's journal, and only then replies. Journaled events are written out to the batch's log some at a
/// time (after <see cref="StorageOptions.WriteOutAfter"/>, at <see cref="StorageOptions.WriteOutEvents"/>, on deactivation
/// and before any read of the stored log); the head row names this silo's journal while events may be only there.
/// Work an event causes elsewhere (indexes, chain, split children) runs after the event is stored and again on a retry
/// with the same event id, so a crash in between is finished by the retry.
/// Alerts go to the hubs of the parties concerned; while a shipment on a chain with a time limit is under way, an
/// Orleans reminder checks it against the deadline.
/// </summary>
public sealed class BatchGrain(BatchLogStore log, BatchJournal journal, BatchIndexStore index, TimeProvider clock, IOptions<AlertOptions> alerts, IOptions<StorageOptions> storage, ILogger<BatchGrain> logger)
    : Grain, IBatchGrain, IRemindable
{
    /// <summary>The reminder that watches a shipment's deadline.</summary>
    public const string TransitReminder = "transit";

    private BatchRef _ref = null!;
    private BatchState? _state;

    // What traces need of the history: read with the head row (or rebuilt from the events when it is too long to keep there), then kept in step with each append.
    private BatchTrail? _trail;

    // A trail only grows: once too long for the head row, it is no longer written out on every append.
    private bool _trailOutgrewHead;

    // The client event ids stored on this batch, read with the first write or replay of an activation.
    private Dictionary<string, (long Version, string Fingerprint)>? _ids;

    // The head row as last read or written: its ETag, and the journal writer it names ("" for none).
    private Azure.ETag? _etag;
    private string _writer = "";

    // Whether the head row may be older than the events another silo's journal holds: checked once per activation.
    private bool _ready;

    // Whether the head row names this silo's journal, so that this activation may append (until its next write out).
    private bool _writable;

    // Events stored in the journal and not yet written out to the log, with their commit rows; and when they will be.
    private readonly List<(StoredEvent Event, long Sequence)> _unwritten = [];
    private IGrainTimer? _writeOut;

    // Whether this activation looked for event rows after the head (once, before its first write).
    private bool _caughtUp;

    // Whether the head row is behind the log's event rows (a log from before the journal, caught up in memory).
    private bool _headBehind;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ref = BatchRef.FromKey(this.GetPrimaryKeyString());
        await LoadHeadAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_writable)
        {
            return;
        }

        // Out of the journal and the head naming nobody: the next activation, on any silo, starts from the head alone.
        var unwritten = _unwritten.ToList();
        try
        {
            if (_state is null)
            {
                await log.SettleAsync(_ref, [], journal.Writer, cancellationToken);
            }
            else
            {
                _etag = await log.WriteOutAsync(_ref, unwritten.Select(u => u.Event).ToList(), _state, HeadTrail(), "", _etag!.Value, cancellationToken);
                journal.Settle(unwritten.Select(u => u.Sequence));
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Batch {Batch} could not write out {Count} events on deactivation; the journal keeps trying", _ref, unwritten.Count);
            journal.Leave(_ref, unwritten);
        }
    }

    /// <summary>Reads the head row (one point read: what an activation for reads and traces costs).</summary>
    private async Task LoadHeadAsync(CancellationToken ct = default)
    {
        var head = await log.ReadHeadAsync(_ref, ct);
        if (head is { Chunked: false })
        {
            await log.UpgradeAsync(_ref, ct);
            head = await log.ReadHeadAsync(_ref, ct);
        }

        (_state, _trail, _etag, _writer) = head is { } read ? (read.State, read.Trail, read.ETag, read.Writer) : ((BatchState?)null, (BatchTrail?)null, (Azure.ETag?)null, "");
        _ids = null;
        _ready = _writer.Length == 0;
        _writable = false;
        _caughtUp = false;
    }

    /// <summary>
    /// Before anything is answered from the head row: if it names a journal writer, the events that writer holds must
    /// be in the log first. Another silo's writer that is gone has written them out (or was swept); one alive, or being
    /// swept, makes the call wait (UNAVAILABLE, retry). This silo's writer holds them only if an earlier activation left them.
    /// </summary>
    private async Task ReadyAsync()
    {
        if (_ready)
        {
            return;
        }

        if (_writer == journal.Writer)
        {
            if (journal.Holds(_ref))
            {
                throw new InconsistentStateException($"batch {_ref} has events its earlier activation left in this silo's journal, still being written out to its log");
            }
        }
        else if (!await journal.ReleasedByAsync(_writer))
        {
            // Perhaps written out since the head was read.
            await LoadHeadAsync();
            if (!_ready)
            {
                throw new InconsistentStateException($"batch {_ref} has events in another silo's journal, still being written out to its log");
            }

            return;
        }

        // That writer is gone, its journal written out or swept: the log holds all it had. A head that still names it
        // (a claim its silo made just before it died, with no event after) is current as it is.
        var released = _writer;
        await LoadHeadAsync();
        if (_writer.Length > 0 && _writer != released && _writer != journal.Writer)
        {
            throw new InconsistentStateException($"batch {_ref} was taken by another silo meanwhile");
        }

        _ready = true;
    }

    /// <summary>
    /// Before a write: catches a log from before the journal up (an event row stored after its head, never acknowledged,
    /// found with one point read, once per activation), then names this silo's journal in the head row until the next
    /// write out.
    /// </summary>
    private async Task WritableAsync()
    {
        if (_writable)
        {
            return;
        }

        await ReadyAsync();
        var next = (_state?.Version ?? 0) + 1;
        if (!_caughtUp && await log.HasEventAsync(_ref, next))
        {
            foreach (var stored in await log.ReadEventsAsync(_ref, next, int.MaxValue))
            {
                (_state, _trail) = BatchLogStore.Apply(_state, _trail, stored.Recorded);
                _headBehind = true;
            }
        }

        _caughtUp = true;
        if (_writer != journal.Writer)
        {
            var claimed = await log.ClaimAsync(_ref, _etag, journal.Writer);
            if (claimed is null)
            {
                // Another activation claimed it first: this one is stale (or a duplicate); the retry reaches the other.
                await LoadHeadAsync();
                DeactivateOnIdle();
                throw new InconsistentStateException($"batch {_ref} was written by another activation meanwhile");
            }

            (_etag, _writer) = (claimed, journal.Writer);
            ScheduleWriteOut();
        }

        _writable = true;
    }

    /// <summary>Writes the journaled events out to the log and the head row after them.</summary>
    private async Task WriteOutAsync()
    {
        _writeOut?.Dispose();
        _writeOut = null;
        if ((_unwritten.Count == 0 && !_headBehind) || _state is null)
        {
            if (_writable && _unwritten.Count == 0)
            {
                // Claimed for a write that stored nothing (refused): let the batch go, so that no other activation waits on it.
                var released = await log.ClaimAsync(_ref, _etag, "");
                (_etag, _writer, _writable) = released is null ? (_etag, _writer, false) : (released, "", false);
                if (released is null)
                {
                    await LoadHeadAsync();
                }
            }

            return;
        }

        // Everything unwritten is written here, so the head names no writer after it: the next write claims the batch
        // again, and an activation elsewhere (a duplicate after a silo died) waits at most until this write out.
        var unwritten = _unwritten.ToList();
        _etag = await log.WriteOutAsync(_ref, unwritten.Select(u => u.Event).ToList(), _state, HeadTrail(), "", _etag!.Value);
        journal.Settle(unwritten.Select(u => u.Sequence));
        _unwritten.RemoveRange(0, unwritten.Count);
        (_headBehind, _writer, _writable) = (false, "", false);
    }

    private async Task WriteOutLaterAsync(CancellationToken ct)
    {
        try
        {
            await WriteOutAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Batch {Batch} could not write out its journaled events; it tries again", _ref);
            ScheduleWriteOut();
        }
    }

    private void ScheduleWriteOut() =>
        _writeOut ??= this.RegisterGrainTimer(WriteOutLaterAsync, new GrainTimerCreationOptions(storage.Value.WriteOutAfter, Timeout.InfiniteTimeSpan));

    /// <summary>The trail's text for the head row, unless it outgrew the row.</summary>
    private string? HeadTrail()
    {
        var text = _trail is null || _trailOutgrewHead ? null : BatchLogStore.TrailText(_trail);
        _trailOutgrewHead |= _trail is not null && text is null;
        return text;
    }

    /// <summary>Events from the stored log, after writing out what only the journal has.</summary>
    private async Task<IReadOnlyList<StoredEvent>> StoredEventsAsync(long fromVersion, int max)
    {
        await WriteOutAsync();
        return await log.ReadEventsAsync(_ref, fromVersion, max);
    }

    public async Task WriteOutNowAsync()
    {
        await ReadyAsync();
        await WriteOutAsync();
    }

    private async Task<Dictionary<string, (long Version, string Fingerprint)>> IdsAsync() =>
        _ids ??= _state is null ? new Dictionary<string, (long Version, string Fingerprint)>(StringComparer.Ordinal) : await log.ReadEventIdsAsync(_ref);

    public async Task<BatchState?> GetAsync()
    {
        await ReadyAsync();
        return _state;
    }

    public async Task<IReadOnlyList<StoredEvent>> GetHistoryAsync(long fromVersion, int max)
    {
        await ReadyAsync();
        return _state is null ? [] : await StoredEventsAsync(fromVersion, max);
    }

    public async Task<TraceNode?> GetTraceNodeAsync()
    {
        await ReadyAsync();
        if (_state is null)
        {
            return null;
        }

        if (_trail is null)
        {
            var events = await StoredEventsAsync(1, checked((int)_state.Version));
            _trail = BatchTrail.Of(events.Select(e => e.Recorded));
        }

        return new TraceNode(_state, _trail!);
    }

    public Task<BatchReply> CreateAsync(CreateBatch command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            if (_state is not null)
            {
                throw DomainException.Exists($"batch {_ref} already exists");
            }

            var product = await ProductAsync(command.Batch.Gtin);
            await ParticipantAsync(command.Producer, "producer_gln");
            if (command.ChainId is { } chainId)
            {
                await ChainAsync(chainId);
            }

            return BatchRules.Create(_state, command, product, now);
        });

    public Task<BatchReply> RecordCheckpointAsync(RecordCheckpoint command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            var batch = BatchRules.Existing(_state, _ref);
            var actor = await ParticipantAsync(command.Actor, "actor_gln");
            var product = await ProductAsync(batch.Ref.Gtin);
            var chain = batch.ChainId is { } id ? await ChainAsync(id) : null;
            return BatchRules.Checkpoint(_state, command, actor, product, chain, now);
        });

    public Task<BatchReply> ShipAsync(ShipBatch command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            var shipped = BatchRules.Ship(_state, command, now);
            await ParticipantAsync(command.Receiver, "receiver_gln");
            return shipped;
        });

    public Task<BatchReply> ReceiveAsync(ReceiveBatch command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            var chain = _state?.ChainId is { } id ? await ChainAsync(id) : null;
            return BatchRules.Receive(_state, command, chain, now);
        });

    public Task<BatchReply> SplitAsync(SplitBatch command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            var split = BatchRules.Split(_state, command, now);
            var children = await Task.WhenAll(split.Children.Select(c => Batch(c.Batch).GetAsync()));
            var taken = split.Children.Where((_, i) => children[i] is not null).Select(c => c.Batch).FirstOrDefault();
            if (taken is not null)
            {
                throw DomainException.Exists($"batch {taken} already exists: every part needs a new lot");
            }

            return split;
        });

    public Task<BatchReply> RecallAsync(RecallBatch command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            BatchRules.Existing(_state, _ref);
            var auditor = await ParticipantAsync(command.Auditor, "auditor_gln");
            return BatchRules.Recall(_state, command, auditor, now);
        });

    public Task<BatchReply> ChangeHoldAsync(ChangeHold command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), async now =>
        {
            BatchRules.Existing(_state, _ref);
            var auditor = await ParticipantAsync(command.Auditor, "auditor_gln");
            return command.Action == HoldAction.Lift
                ? BatchRules.LiftHold(_state, command, auditor, now)
                : BatchRules.PlaceHold(_state, command, auditor, now);
        });

    public Task<BatchReply> CreateChildAsync(BatchCreated created) =>
        WriteAsync(created.EventId, EventHash.Fingerprint(created), _ =>
            Task.FromResult<BatchEvent>(_state is null ? created : throw DomainException.Exists($"batch {_ref} already exists")));

    public async Task<BatchReply> JoinMergeAsync(JoinMerge command)
    {
        var reply = await WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.JoinMerge(_state, command, now)));
        if (reply.Replayed && !reply.Batch.Children.Contains(command.Into))
        {
            throw DomainException.Precondition($"batch {_ref} was taken back out of merge {command.Into}: merge again with a new event id");
        }

        return reply;
    }

    public Task<BatchReply> RevertMergeAsync(RevertMerge command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.RevertMerge(_state, command, now)));

    public async Task<BatchReply> MergeAsync(MergeBatches command)
    {
        await WritableAsync();
        var fingerprint = EventHash.Fingerprint(command);
        if (_state is not null)
        {
            return await ReplayAsync(command.EventId, fingerprint) ?? throw DomainException.Exists($"batch {_ref} already exists: merge into a new lot");
        }

        var product = await ProductAsync(command.Output.Gtin);
        BatchRules.CheckMerge(_state, command, product);
        await ParticipantAsync(command.Actor, "actor_gln");

        var moves = command.Inputs.Select((input, i) =>
            new JoinMerge(EventId.Derived(command.EventId, "merge", i), input, command.Output, command.Actor, command.Location, command.MergedAt, product.Unit)).ToList();

        // Every input is checked before any moves, so that a merge the rules refuse writes nothing; an input that joined
        // this merge before (a retry) is left to replay. Reverting below covers an input that changes in between.
        var inputs = await Task.WhenAll(command.Inputs.Select(input => Batch(input).GetAsync()));
        foreach (var (input, move) in inputs.Zip(moves).Where(x => x.First is not { Status: BatchStatus.Consumed } s || !s.Children.Contains(command.Output)))
        {
            BatchRules.JoinMerge(input, move, clock.GetUtcNow());
        }

        // Inputs go first, so that a crash before the new batch is stored loses nothing a retry cannot finish.
        var joins = command.Inputs.Select((input, i) => Batch(input).JoinMergeAsync(moves[i])).ToList();
        try
        {
            await Task.WhenAll(joins);
        }
        catch (Exception) when (joins.Select(j => j.Exception?.InnerException).OfType<DomainException>().FirstOrDefault() is { } refusal)
        {
            // An input refused by rule: take the others back out. An outage is not undone: the retry finishes the merge.
            await RevertAsync(command, joins, "another input could not be merged");
            throw refusal;
        }

        var joined = joins.Select(j => j.Result).ToList();
        var created = BatchRules.MergeOutput(command, joined.Select(j => (BatchMerged)j.Event.Event).ToList(), joined.Select(j => j.Batch.ChainId).ToList(), product, clock.GetUtcNow());
        try
        {
            return await AppendAsync(created, fingerprint, clock.GetUtcNow());
        }
        catch (DomainException ex) when (ex.Refusal == Refusal.AlreadyExists)
        {
            await RevertAsync(command, joins, ex.Message);
            throw;
        }
    }

    private async Task RevertAsync(MergeBatches command, List<Task<BatchReply>> joins, string reason)
    {
        var reverts = joins.Select((join, i) => (join, i)).Where(x => x.join.IsCompletedSuccessfully)
            .Select(x => Batch(command.Inputs[x.i]).RevertMergeAsync(new RevertMerge(
                EventId.Derived(command.EventId, "unmerge", x.i), command.Inputs[x.i], command.Output, ((BatchMerged)x.join.Result.Event.Event).Quantity,
                command.Actor, command.Location, reason)));
        await Task.WhenAll(reverts);
    }

    public async Task<BatchReply> UseInTransformationAsync(UseInTransformation command)
    {
        var reply = await WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.UseInTransformation(_state, command, now)));
        if (reply.Replayed && command.Outputs.Any(o => !reply.Batch.Children.Contains(o.Batch)))
        {
            throw DomainException.Precondition($"batch {_ref} was taken back out of transformation {command.TransformationId}: transform again with a new event id");
        }

        return reply;
    }

    public Task<BatchReply> RevertTransformationAsync(RevertTransformation command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.RevertTransformation(_state, command, now)));

    public async Task<BatchReply> TransformAsync(TransformBatches command)
    {
        await WritableAsync();
        if (command.Outputs.Count > 0 && command.Outputs[0].Batch != _ref)
        {
            throw new InvalidOperationException($"a transformation is run by its first output {command.Outputs[0].Batch}, not by batch {_ref}");
        }

        var fingerprint = EventHash.Fingerprint(command);
        var first = _state is null
            ? await TransformInputsAsync(command, fingerprint)
            : await ReplayAsync(command.EventId, fingerprint) ?? throw DomainException.Exists($"outputs[0]: batch {_ref} already exists: a transformation makes new lots");

        // The other outputs come last, each with an id derived from the transformation's: a retry makes those a crash left out.
        var made = first.Event.Event as BatchCreated ?? throw new InvalidOperationException($"event {command.EventId} of batch {_ref} is not its creation");
        var others = await Task.WhenAll(command.Outputs.Skip(1).Select((output, j) => Batch(output.Batch).CreateChildAsync(BatchRules.TransformOutput(command, made, j + 1))));
        return first with { Related = others.Select(o => o.Batch).Concat(first.Related).ToList() };
    }

    /// <summary>Checks the whole transformation, has every input give its part, then stores this first output.</summary>
    private async Task<BatchReply> TransformInputsAsync(TransformBatches command, string fingerprint)
    {
        var gtins = command.Outputs.Select(o => o.Batch.Gtin).Distinct().ToList();
        var found = await Task.WhenAll(gtins.Select(g => GrainFactory.GetGrain<IProductGrain>(g.Value).GetAsync()));
        BatchRules.CheckTransform(command, gtins.Zip(found).Where(p => p.Second is not null).ToDictionary(p => p.First, p => p.Second!.Product));
        await ParticipantAsync(command.Actor, "actor_gln");
        var outputs = await Task.WhenAll(command.Outputs.Skip(1).Select(o => Batch(o.Batch).GetAsync()));
        BatchRules.RequireNewOutputs(command, outputs.Prepend(_state).ToList());

        // Every input is checked before any is touched, so that a refusal by rule changes nothing. An input that already
        // gave its part (a retry after a crash) answers from its log.
        var uses = command.Inputs.Select((_, i) => BatchRules.InputOf(command, i)).ToList();
        var inputs = await Task.WhenAll(uses.Select(u => Batch(u.Batch).GetAsync()));
        var given = Enumerable.Range(0, uses.Count).Where(i => inputs[i] is { } input && input.Children.Contains(_ref)).ToList();
        var now = clock.GetUtcNow();
        try
        {
            for (var i = 0; i < uses.Count; i++)
            {
                if (!given.Contains(i))
                {
                    BatchRules.UseInTransformation(inputs[i], uses[i], now, $"inputs[{i}]");
                }
            }
        }
        catch (DomainException)
        {
            // A retry that can no longer finish gives back what the attempt before it took.
            var earlier = given.Select(i => Batch(uses[i].Batch).UseInTransformationAsync(uses[i])).ToList();
            await GiveBackAsync(command, given.Zip(earlier).ToList(), "the transformation could not be finished");
            throw;
        }

        // Inputs go first, so that a crash before the outputs are stored loses nothing a retry cannot finish.
        var gives = uses.Select((u, i) => (Input: i, Give: Batch(u.Batch).UseInTransformationAsync(u))).ToList();
        try
        {
            await Task.WhenAll(gives.Select(g => g.Give));
        }
        catch (Exception) when (gives.Select(g => g.Give.Exception?.InnerException).OfType<DomainException>().FirstOrDefault() is { } refusal)
        {
            // An input refused by rule (it changed since the check): give the others their parts back. An outage is not undone: the retry finishes.
            await GiveBackAsync(command, gives, "another input could not be used");
            throw refusal;
        }

        var used = gives.Select(g => (BatchTransformed)g.Give.Result.Event.Event).ToList();
        try
        {
            return await AppendAsync(BatchRules.TransformOutput(command, used), fingerprint, clock.GetUtcNow());
        }
        catch (DomainException ex) when (ex.Refusal == Refusal.AlreadyExists)
        {
            await GiveBackAsync(command, gives, ex.Message);
            throw;
        }
    }

    /// <summary>Gives each input whose part was taken (its call succeeded) that part back, with an id derived from the transformation's.</summary>
    private async Task GiveBackAsync(TransformBatches command, IReadOnlyList<(int Input, Task<BatchReply> Give)> gives, string reason)
    {
        await Task.WhenAll(gives.Select(g => g.Give).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Current)));
        var reverts = gives.Where(g => g.Give.IsCompletedSuccessfully)
            .Select(g => Batch(command.Inputs[g.Input].Batch).RevertTransformationAsync(new RevertTransformation(
                EventId.Derived(command.EventId, "untransform", g.Input), command.Inputs[g.Input].Batch, command.EventId, command.Outputs,
                ((BatchTransformed)g.Give.Result.Event.Event).Used, command.Actor, command.Location, reason)));
        await Task.WhenAll(reverts);
    }

    /// <summary>Decides, appends and runs the effects of one event; a retry returns the first result.</summary>
    private async Task<BatchReply> WriteAsync(string eventId, string fingerprint, Func<DateTimeOffset, Task<BatchEvent>> decide)
    {
        await WritableAsync();
        var now = clock.GetUtcNow();
        BatchEvent decided;
        try
        {
            decided = await decide(now);
        }
        catch (DomainException)
        {
            // A retry of an event already stored may no longer pass the rules (a ship after a ship): answer it as stored.
            if (_state is not null && await ReplayAsync(eventId, fingerprint) is { } replay)
            {
                return replay;
            }

            throw;
        }

        return await AppendAsync(decided, fingerprint, now);
    }

    private async Task<BatchReply> AppendAsync(BatchEvent decided, string fingerprint, DateTimeOffset now)
    {
        // An event id is used once per batch: a retry replays, other content is refused.
        if (await ReplayAsync(decided.EventId, fingerprint) is { } earlier)
        {
            return earlier;
        }

        var version = (_state?.Version ?? 0) + 1;
        var (recorded, canonical) = EventHash.Record(_ref, version, _state?.HeadHash ?? "", now, decided);
        var stored = new StoredEvent(recorded, canonical, fingerprint);
        var sequence = await journal.CommitAsync(_ref, stored);

        // Stored: the journal's commit row holds it. It is written out to the log later, with others.
        HandoffMetrics.Record(_state, decided);
        (_state, _trail) = BatchLogStore.Apply(_state, _trail, recorded);
        _unwritten.Add((stored, sequence));
        (await IdsAsync())[decided.EventId] = (version, fingerprint);
        if (_unwritten.Count >= storage.Value.WriteOutEvents)
        {
            await WriteOutAsync();
        }
        else
        {
            ScheduleWriteOut();
        }

        var related = await ApplyEffectsAsync(recorded);
        return new BatchReply(recorded, false, _state, related);
    }

    private async Task<BatchReply?> ReplayAsync(string eventId, string fingerprint)
    {
        if (!(await IdsAsync()).TryGetValue(eventId, out var found))
        {
            return null;
        }

        if (found.Fingerprint != fingerprint)
        {
            throw DomainException.Exists($"event_id '{eventId}' was already used on batch {_ref} (version {found.Version}) for other content");
        }

        var recorded = _unwritten.Find(u => u.Event.Recorded.Version == found.Version).Event?.Recorded
            ?? (await log.ReadEventsAsync(_ref, found.Version, 1))[0].Recorded;
        var related = await ApplyEffectsAsync(recorded);
        return new BatchReply(recorded, true, _state!, related);
    }

    /// <summary>Brings indexes, chain and child batches in line with an event; safe to run again.</summary>
    private async Task<IReadOnlyList<BatchState>> ApplyEffectsAsync(RecordedEvent recorded)
    {
        var state = _state!;
        IReadOnlyList<BatchState> related = [];
        Gln? previousHolder = null;
        ChainMovement? movement = null;

        // Only events that change who holds the batch, or whether it is consumed, touch the held index.
        var holdingChanged = recorded.Event is BatchCreated or BatchReceived or BatchMerged or MergeReverted
            or BatchSplit { Remaining.Value: 0 } or BatchTransformed { Remaining.Value: 0 } or TransformReverted;
        switch (recorded.Event)
        {
            case BatchCreated created:
                await index.AddAsync(created.Producer, BatchListing.Produced, _ref);
                movement = Movement(recorded, MovementKind.Joined, created.Actor);
                if (created.Origin is Origin.Merged or Origin.Transformed)
                {
                    // Inputs never call back into the batches made of them, so reading them here cannot deadlock.
                    var inputs = await Task.WhenAll(created.Inputs.Select(i => Batch(i.Batch).GetAsync()));
                    related = inputs.OfType<BatchState>().ToList();
                }

                break;
            case CheckpointRecorded checkpoint when CheckpointRules.Violations(checkpoint.Results) is { Count: > 0 } violations:
                // A passed check changes nothing on the chain; only a failed one is written to its ledger.
                movement = Movement(recorded, MovementKind.Checked, state.Custodian, violations: violations);
                break;
            case BatchShipped shipped:
                movement = Movement(recorded, MovementKind.Shipped, shipped.Actor, shipped.Receiver);
                break;
            case BatchReceived received:
                previousHolder = received.Shipper;
                movement = Movement(recorded, MovementKind.Received, received.Actor, violations: CheckpointRules.Violations(received.Results).Concat(received.MissingReadings).ToList());
                break;
            case ShipmentRejected rejected:
                movement = Movement(recorded, MovementKind.Rejected, rejected.Shipper);
                break;
            case BatchSplit split:
                related = await Task.WhenAll(split.Children.Select((part, i) =>
                    Batch(part.Batch).CreateChildAsync(BatchRules.SplitChild(state, split, part, EventId.Derived(split.EventId, "split", i)))
                        .ContinueWith(t => t.Result.Batch, TaskScheduler.Current)));
                movement = split.Remaining.Value == 0 ? Movement(recorded, MovementKind.Consumed, split.Actor) : null;
                break;
            case BatchMerged merged:
                movement = Movement(recorded, MovementKind.Consumed, merged.Actor);
                break;
            case MergeReverted:
                movement = Movement(recorded, MovementKind.Restored, state.Custodian);
                break;
            case BatchTransformed used:
                movement = used.Remaining.Value == 0 ? Movement(recorded, MovementKind.Consumed, used.Actor) : null;
                break;
            case TransformReverted:
                movement = Movement(recorded, MovementKind.Restored, state.Custodian);
                break;
        }

        if (holdingChanged)
        {
            await SyncHeldAsync(state, previousHolder);
        }

        if (movement is not null && state.ChainId is { } chainId)
        {
            await GrainFactory.GetGrain<IChainGrain>(chainId).RecordAsync(movement);
        }

        await PublishAsync(BatchAlerts.Of(state, recorded));
        if (recorded.Event is BatchShipped && BatchAlerts.TransitDeadline(state, await ChainOrNullAsync()) is { } deadline)
        {
            // First check just after the deadline, then every period until the batch arrives or the alert is raised.
            var due = deadline - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            await this.RegisterOrUpdateReminder(TransitReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), alerts.Value.TransitCheckPeriod);
        }

        return related;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != TransitReminder)
        {
            return;
        }

        var chain = await ChainOrNullAsync();
        var overdue = _state is null ? null : BatchAlerts.Overdue(_state, chain, clock.GetUtcNow());
        if (overdue is not null)
        {
            await PublishAsync(new List<Alert> { overdue });
        }

        if (overdue is not null || _state is null || BatchAlerts.TransitDeadline(_state, chain) is null)
        {
            // Raised once per shipment; a batch received or recalled meanwhile needs no more checks.
            if (await this.GetReminder(TransitReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>Hands each alert to the hubs of its audience; one-way calls, so a write does not wait on listeners.</summary>
    private Task PublishAsync(IReadOnlyList<Alert> raised) =>
        Task.WhenAll(raised.SelectMany(alert => AlertAudience.Of(alert).Select(hub => GrainFactory.GetGrain<IAlertHubGrain>(hub).PublishAsync(alert))));

    private async Task<ChainDefinition?> ChainOrNullAsync()
    {
        if (_state?.ChainId is not { } id)
        {
            return null;
        }

        if (!_chains.TryGetValue(id, out var chain) && (await GrainFactory.GetGrain<IChainGrain>(id).GetAsync())?.Chain is { } found)
        {
            chain = _chains[id] = found;
        }

        return chain;
    }

    private ChainMovement Movement(RecordedEvent recorded, MovementKind kind, Gln custodian, Gln? receiver = null, IReadOnlyList<string>? violations = null) =>
        new(_ref, recorded.Version, recorded.Event.EventTime, kind, custodian, receiver, violations ?? []);

    /// <summary>The custodian's held list has the batch while it is not consumed; a previous holder's does not.</summary>
    private async Task SyncHeldAsync(BatchState state, Gln? previousHolder)
    {
        if (state.Status == BatchStatus.Consumed)
        {
            await index.RemoveAsync(state.Custodian, BatchListing.Held, _ref);
        }
        else
        {
            await index.AddAsync(state.Custodian, BatchListing.Held, _ref);
        }

        if (previousHolder is { } previous && previous != state.Custodian)
        {
            await index.RemoveAsync(previous, BatchListing.Held, _ref);
        }
    }

    private IBatchGrain Batch(BatchRef batch) => GrainFactory.GetGrain<IBatchGrain>(batch.Key);

    // Products, participants and chains never change once registered or defined (a different registration is refused):
    // what this activation found once it does not ask for again.
    private readonly Dictionary<Gtin, Product> _products = [];
    private readonly Dictionary<Gln, Participant> _participants = [];
    private readonly Dictionary<string, ChainDefinition> _chains = [];

    private async Task<Product> ProductAsync(Gtin gtin)
    {
        if (!_products.TryGetValue(gtin, out var product))
        {
            product = (await GrainFactory.GetGrain<IProductGrain>(gtin.Value).GetAsync())?.Product
                ?? throw DomainException.Precondition($"product {gtin} is not registered");
            _products[gtin] = product;
        }

        return product;
    }

    private async Task<Participant> ParticipantAsync(Gln gln, string field)
    {
        if (!_participants.TryGetValue(gln, out var participant))
        {
            participant = (await GrainFactory.GetGrain<IParticipantGrain>(gln.Value).GetAsync())?.Participant
                ?? throw DomainException.Precondition($"{field} {gln} is not a registered participant");
            _participants[gln] = participant;
        }

        return participant;
    }

    private async Task<ChainDefinition> ChainAsync(string chainId)
    {
        if (!_chains.TryGetValue(chainId, out var chain))
        {
            chain = (await GrainFactory.GetGrain<IChainGrain>(chainId).GetAsync())?.Chain
                ?? throw DomainException.Precondition($"chain '{chainId}' is not defined");
            _chains[chainId] = chain;
        }

        return chain;
    }
}
