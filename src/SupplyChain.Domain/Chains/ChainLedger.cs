using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Chains;

/// <summary>Where one batch is on a chain.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchOnChain")]
public sealed record BatchOnChain(
    [property: Id(0)] string Stage,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] Gln Custodian,
    [property: Id(3)] Gln? InTransitTo,
    [property: Id(4)] DateTimeOffset? ShippedAt,
    [property: Id(5)] long Version,
    [property: Id(6)] bool Consumed);

/// <summary>Time spent at one stage by the batches that have left it.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.StageTimes")]
public sealed record StageTimes([property: Id(0)] int Completed, [property: Id(1)] double TotalHours, [property: Id(2)] double MaxHours)
{
    public double MeanHours => Completed == 0 ? 0 : TotalHours / Completed;

    public StageTimes Add(double hours) => new(Completed + 1, TotalHours + hours, Math.Max(MaxHours, hours));
}

/// <summary>A requirement a batch missed at a stage.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.ChainViolation")]
public sealed record ChainViolation(
    [property: Id(0)] BatchRef Batch,
    [property: Id(1)] string Stage,
    [property: Id(2)] string Description,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long Version);

/// <summary>
/// What one movement changed in a ledger, for storage to write: the batch's new place, whether the stage times
/// changed, and the violations it added (oldest first).
/// </summary>
public sealed record ChainLedgerChange(string BatchKey, BatchOnChain Batch, bool TimesChanged, IReadOnlyList<ChainViolation> Violations);

/// <summary>The batches on a chain, where each is, how long stages took and what was missed.</summary>
[GenerateSerializer]
[Alias("SupplyChain.ChainLedger")]
public sealed class ChainLedger
{
    /// <summary>Name given to the place of a batch whose custodian is in no stage.</summary>
    public const string OffChain = "(off chain)";

    /// <summary>Violations kept in the ledger; older ones stay in the batch logs.</summary>
    public const int MaxViolations = 1000;

    [Id(0)]
    public Dictionary<string, BatchOnChain> Batches { get; init; } = [];

    [Id(1)]
    public Dictionary<string, StageTimes> Times { get; init; } = [];

    [Id(2)]
    public List<ChainViolation> Violations { get; init; } = [];

    /// <summary>Applies a movement once; an older or repeated version of the same batch changes nothing (null).</summary>
    public ChainLedgerChange? Apply(ChainDefinition chain, ChainMovement movement)
    {
        var key = movement.Batch.Key;
        Batches.TryGetValue(key, out var current);
        if (current is not null && movement.Version <= current.Version)
        {
            return null;
        }

        if (current is null && movement.Kind != MovementKind.Joined)
        {
            return null;
        }

        var stageName = chain.StageOf(movement.Custodian)?.Name ?? OffChain;
        var next = movement.Kind switch
        {
            MovementKind.Joined => new BatchOnChain(stageName, movement.At, movement.Custodian, null, null, movement.Version, false),
            MovementKind.Shipped => LeaveStage(current!, movement) with { InTransitTo = movement.Receiver, ShippedAt = movement.At },
            MovementKind.Received => new BatchOnChain(stageName, movement.At, movement.Custodian, null, null, movement.Version, false),
            MovementKind.Rejected => current! with { InTransitTo = null, ShippedAt = null, Since = movement.At },
            MovementKind.Consumed => LeaveStage(current!, movement) with { Consumed = true },
            MovementKind.Restored => current! with { Consumed = false, Stage = stageName, Since = movement.At },
            _ => current!,
        };
        next = next with { Version = movement.Version };
        Batches[key] = next;

        var added = movement.Violations.Select(d => new ChainViolation(movement.Batch, stageName, d, movement.At, movement.Version)).ToList();
        AddViolations(added);
        return new ChainLedgerChange(key, next, movement.Kind is MovementKind.Shipped or MovementKind.Consumed, added);
    }

    /// <summary>Adds violations after the others, keeping the newest <see cref="MaxViolations"/>.</summary>
    public void AddViolations(IEnumerable<ChainViolation> violations)
    {
        Violations.AddRange(violations);
        if (Violations.Count > MaxViolations)
        {
            Violations.RemoveRange(0, Violations.Count - MaxViolations);
        }
    }

    /// <summary>Shipments under way longer than the chain allows at the given time.</summary>
    public bool IsLate(ChainDefinition chain, BatchOnChain batch, DateTimeOffset now) =>
        chain.MaxTransitHours > 0 && batch.ShippedAt is { } shipped && (now - shipped).TotalHours > chain.MaxTransitHours;

    private BatchOnChain LeaveStage(BatchOnChain current, ChainMovement movement)
    {
        var hours = Math.Max(0, (movement.At - current.Since).TotalHours);
        Times[current.Stage] = Times.TryGetValue(current.Stage, out var times) ? times.Add(hours) : new StageTimes(0, 0, 0).Add(hours);
        return current;
    }
}
