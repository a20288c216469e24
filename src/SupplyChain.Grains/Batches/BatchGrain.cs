using SupplyChain.Abstractions.Batches;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyChain.Domain;
using SupplyChain.Domain.Alerts;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Effects;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Batches.Planning;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Traces;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Grains.Alerts;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Batches;

/// <summary>
/// A batch: looks up what a command needs, has the domain decide the event, appends it to its log (stored in the
/// silo's journal before the reply) and applies the effects the domain maps it to. Effects run after the event is
/// stored and again on a retry with the same event id, so a crash in between is finished by the retry.
/// </summary>
public sealed class BatchGrain(BatchLogStore store, BatchJournal journal, BatchIndexStore index, TimeProvider clock, IOptions<AlertOptions> alerts, IOptions<StorageOptions> storage, ILogger<BatchGrain> logger)
    : Grain, IBatchGrain, IBatchCoordination, IRemindable
{
    /// <summary>The reminder that watches a shipment's deadline.</summary>
    public const string TransitReminder = "transit";

    private BatchRef _ref = null!;
    private BatchLog _log = null!;
    private RegistryLookup _lookup = null!;

    // A fresh stamp per activation: counts of captured events do not survive a restart, so stamps never repeat.
    private readonly string _activation = Guid.NewGuid().ToString("N");
    private long _captured;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ref = BatchRef.FromKey(this.GetPrimaryKeyString());
        _lookup = new RegistryLookup(GrainFactory);
        _log = new BatchLog(_ref, store, journal, storage.Value, logger,
            (callback, due) => this.RegisterGrainTimer(callback, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan)), DeactivateOnIdle, RecoverAlertsAsync);
        await _log.LoadAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => _log.CloseAsync(cancellationToken);

    public async Task<BatchState?> GetAsync()
    {
        await _log.ReadyAsync();
        return _log.State;
    }

    public Task<IReadOnlySet<string>> HeldEventIdsAsync(IReadOnlyList<string> eventIds) => _log.HeldAsync(eventIds);

    public Task<IReadOnlyList<StoredEvent>> GetHistoryAsync(long fromVersion, int max) => _log.HistoryAsync(fromVersion, max);

    public Task<TraceNode?> GetTraceNodeAsync() => _log.TraceNodeAsync();

    public Task WriteOutNowAsync() => _log.WriteOutNowAsync();

    public async Task<string?> GetEventStampAsync()
    {
        await _log.ReadyAsync();
        return _log.State is { } state ? $"{_activation}:{Interlocked.Read(ref _captured)}:{state.Version}" : null;
    }

    public Task CapturedAsync()
    {
        Interlocked.Increment(ref _captured);
        return Task.CompletedTask;
    }

    public Task<BatchReply> CreateAsync(CreateBatch command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> RecordCheckpointAsync(RecordCheckpoint command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> ShipAsync(ShipBatch command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> ReceiveAsync(ReceiveBatch command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> SplitAsync(SplitBatch command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> RecallAsync(RecallBatch command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public Task<BatchReply> ChangeHoldAsync(ChangeHold command) => DecideAsync(command.EventId, EventHash.Fingerprint(command), command);

    public async Task<BatchReply> DeclareErrorAsync(DeclareError command)
    {
        await _log.WritableAsync();
        var (declared, earlier) = (await _log.FindAsync(command.DeclaredEventId), await _log.FindAsync(command.EventId));
        var declarer = await _lookup.ParticipantAsync(command.Actor) ?? throw DomainException.Precondition($"actor_gln {command.Actor} is not a registered participant");
        var now = clock.GetUtcNow();
        var decided = BatchRules.DeclareError(_log.State, command, declared, earlier, declarer, now);

        // Declared before: the first declaration stands, whatever this one says.
        return earlier is not null
            ? new BatchReply(earlier, true, _log.State!, [])
            : await AppendAsync(decided, EventHash.Fingerprint(command), now);
    }

    public async Task<IReadOnlyList<RecordedEvent>> FindEventsAsync(IReadOnlyList<string> eventIds)
    {
        var found = new List<RecordedEvent>();
        foreach (var id in eventIds.Distinct())
        {
            if (await _log.FindAsync(id) is { } recorded)
            {
                found.Add(recorded);
            }
        }

        return found;
    }

    public Task<BatchReply> CreateChildAsync(BatchCreated created) =>
        WriteAsync(created.EventId, EventHash.Fingerprint(created), _ =>
            Task.FromResult<BatchEvent>(_log.State is null ? created : throw DomainException.Exists($"batch {_ref} already exists")));

    public async Task<BatchReply> JoinMergeAsync(JoinMerge command)
    {
        var reply = await WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.JoinMerge(_log.State, command, now)));
        if (reply.Replayed && !reply.Batch.Children.Contains(command.Into))
        {
            throw DomainException.Precondition($"batch {_ref} was taken back out of merge {command.Into}: merge again with a new event id");
        }

        return reply;
    }

    public Task<BatchReply> RevertMergeAsync(RevertMerge command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.RevertMerge(_log.State, command, now)));

    public async Task<BatchReply> UseInTransformationAsync(UseInTransformation command)
    {
        var reply = await WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.UseInTransformation(_log.State, command, now)));
        if (reply.Replayed && command.Outputs.Any(o => !reply.Batch.Children.Contains(o.Batch)))
        {
            throw DomainException.Precondition($"batch {_ref} was taken back out of transformation {command.TransformationId}: transform again with a new event id");
        }

        return reply;
    }

    public Task<BatchReply> RevertTransformationAsync(RevertTransformation command) =>
        WriteAsync(command.EventId, EventHash.Fingerprint(command), now => Task.FromResult<BatchEvent>(BatchRules.RevertTransformation(_log.State, command, now)));

    public async Task<BatchReply> MergeAsync(MergeBatches command)
    {
        await _log.WritableAsync();
        var fingerprint = EventHash.Fingerprint(command);
        if (_log.State is not null)
        {
            return await ReplayAsync(command.EventId, fingerprint) ?? throw DomainException.Exists($"batch {_ref} already exists: merge into a new lot");
        }

        // Every input is checked before any moves, so that a merge the rules refuse writes nothing. Reverting covers an input that changes in between.
        var plan = MergePlan.Of(command, await _lookup.ForAsync(BatchPlanner.Needs(command), _ref, null), clock.GetUtcNow());
        var run = new MergeRun(GrainFactory, plan);
        var joined = await run.JoinAsync();
        var created = plan.Output(joined.Select(j => (BatchMerged)j.Event.Event).ToList(), joined.Select(j => j.Batch.ChainId).ToList(), clock.GetUtcNow());
        try
        {
            return await AppendAsync(created, fingerprint, clock.GetUtcNow());
        }
        catch (DomainException ex) when (ex.Refusal == Refusal.AlreadyExists)
        {
            await run.TakeBackAsync(ex.Message);
            throw;
        }
    }

    public async Task<BatchReply> TransformAsync(TransformBatches command)
    {
        await _log.WritableAsync();
        if (command.Outputs.Count > 0 && command.Outputs[0].Batch != _ref)
        {
            throw new InvalidOperationException($"a transformation is run by its first output {command.Outputs[0].Batch}, not by batch {_ref}");
        }

        var fingerprint = EventHash.Fingerprint(command);
        var first = _log.State is null
            ? await TransformInputsAsync(command, fingerprint)
            : await ReplayAsync(command.EventId, fingerprint) ?? throw DomainException.Exists($"outputs[0]: batch {_ref} already exists: a transformation makes new lots");

        // The other outputs come last, each with an id derived from the transformation's: a retry makes those a crash left out.
        var made = first.Event.Event as BatchCreated ?? throw new InvalidOperationException($"event {command.EventId} of batch {_ref} is not its creation");
        var others = await Task.WhenAll(command.Outputs.Skip(1).Select((output, j) => Coordination(output.Batch).CreateChildAsync(BatchRules.TransformOutput(command, made, j + 1))));
        return first with { Related = others.Select(o => o.Batch).Concat(first.Related).ToList() };
    }

    /// <summary>Checks the whole transformation, has every input give its part, then stores this first output.</summary>
    private async Task<BatchReply> TransformInputsAsync(TransformBatches command, string fingerprint)
    {
        var world = await _lookup.ForAsync(BatchPlanner.Needs(command), _ref, null);
        var plan = TransformPlan.Of(command, world);
        var run = new TransformRun(GrainFactory, plan);
        try
        {
            // Every input is checked before any is touched, so that a refusal by rule changes nothing.
            plan.CheckInputs(world, clock.GetUtcNow());
        }
        catch (DomainException)
        {
            await run.GiveBackEarlierAsync("the transformation could not be finished");
            throw;
        }

        var used = await run.TakePartsAsync();
        try
        {
            return await AppendAsync(plan.First(used), fingerprint, clock.GetUtcNow());
        }
        catch (DomainException ex) when (ex.Refusal == Refusal.AlreadyExists)
        {
            await run.GiveBackAsync(ex.Message);
            throw;
        }
    }

    /// <summary>A command on this batch alone: what it needs is looked up, then the domain decides.</summary>
    private Task<BatchReply> DecideAsync(string eventId, string fingerprint, object command) =>
        WriteAsync(eventId, fingerprint, async now => BatchPlanner.Decide(command, await _lookup.ForAsync(BatchPlanner.Needs(command), _ref, _log.State), now));

    /// <summary>Decides, appends and runs the effects of one event; a retry returns the first result.</summary>
    private async Task<BatchReply> WriteAsync(string eventId, string fingerprint, Func<DateTimeOffset, Task<BatchEvent>> decide)
    {
        await _log.WritableAsync();
        var now = clock.GetUtcNow();
        BatchEvent decided;
        try
        {
            decided = await decide(now);
        }
        catch (DomainException)
        {
            // A retry of an event already stored may no longer pass the rules (a ship after a ship): answer it as stored.
            if (_log.State is not null && await ReplayAsync(eventId, fingerprint) is { } replay)
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

        var before = _log.State;
        var recorded = await _log.AppendAsync(decided, fingerprint, now);
        HandoffMetrics.Record(before, decided);
        return new BatchReply(recorded, false, _log.State!, await ApplyEffectsAsync(recorded));
    }

    private async Task<BatchReply?> ReplayAsync(string eventId, string fingerprint) =>
        await _log.ReplayAsync(eventId, fingerprint) is { } recorded ? new BatchReply(recorded, true, _log.State!, await ApplyEffectsAsync(recorded)) : null;

    /// <summary>Brings lists, chain and child batches in line with an event; safe to run again.</summary>
    private async Task<IReadOnlyList<BatchState>> ApplyEffectsAsync(RecordedEvent recorded)
    {
        var state = _log.State!;
        var effects = BatchEffects.Of(state, recorded);
        var children = await Task.WhenAll(effects.Children.Select(child => Coordination(child.Batch).CreateChildAsync(child.Created)));

        // Inputs never call back into the batches made of them, so reading them here cannot deadlock.
        var inputs = await Task.WhenAll(effects.Inputs.Select(input => GrainFactory.GetGrain<IBatchGrain>(input.Key).GetAsync()));
        foreach (var change in effects.Listings)
        {
            var listing = change.Held ? BatchListing.Held : BatchListing.Produced;
            await (change.Listed ? index.AddAsync(change.Party, listing, _ref) : index.RemoveAsync(change.Party, listing, _ref));
        }

        if (effects.Movement is { } movement && state.ChainId is { } chainId)
        {
            await GrainFactory.GetGrain<IChainGrain>(chainId).RecordAsync(movement);
        }

        await StoreAlertsAsync(effects.Alerts);
        if (effects.WatchTransit && BatchAlerts.TransitDeadline(state, await ChainOrNullAsync()) is { } deadline)
        {
            // First check just after the deadline, then every period until the batch arrives or the alert is raised.
            var due = deadline - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            await this.RegisterOrUpdateReminder(TransitReminder, due > TimeSpan.Zero ? due : TimeSpan.FromSeconds(1), alerts.Value.TransitCheckPeriod);
        }

        return [.. children.Select(c => c.Batch), .. inputs.OfType<BatchState>()];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != TransitReminder)
        {
            return;
        }

        var chain = await ChainOrNullAsync();
        var state = _log.State;
        var overdue = state is null ? null : BatchAlerts.Overdue(state, chain, clock.GetUtcNow());
        if (overdue is not null)
        {
            await StoreAlertsAsync([overdue]);
        }

        if (overdue is not null || state is null || BatchAlerts.TransitDeadline(state, chain) is null)
        {
            // Raised once per shipment; a batch received or recalled meanwhile needs no more checks.
            if (await this.GetReminder(TransitReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>Stores each alert in the log of each of its audiences before the write that raised it is answered; storing one again changes nothing.</summary>
    private Task StoreAlertsAsync(IReadOnlyList<Alert> raised) =>
        Task.WhenAll(raised.SelectMany(alert => AlertAudience.Of(alert).Select(hub => GrainFactory.GetGrain<IAlertHubGrain>(hub).AppendAsync(alert))));

    /// <summary>The alerts of events a journal sweep wrote out after a crash, raised from the state now, as a retry would.</summary>
    private Task RecoverAlertsAsync(IReadOnlyList<RecordedEvent> settled) =>
        _log.State is { } state ? StoreAlertsAsync(settled.SelectMany(recorded => BatchAlerts.Of(state, recorded)).ToList()) : Task.CompletedTask;

    private async Task<ChainDefinition?> ChainOrNullAsync() => _log.State?.ChainId is { } id ? await _lookup.ChainAsync(id) : null;

    private IBatchCoordination Coordination(BatchRef batch) => GrainFactory.GetGrain<IBatchCoordination>(batch.Key);
}
