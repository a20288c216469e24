using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Traces;

/// <summary>
/// The part of a batch's history a trace needs, folded from its events: how the batch was made and from which
/// inputs, each custody step and each checkpoint. Whole events are not kept, so a batch grain can hold it cheaply.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.BatchTrail")]
public sealed record BatchTrail(
    [property: Id(0)] long Version,
    [property: Id(1)] Origin Origin,
    [property: Id(2)] IReadOnlyList<BatchPart> Inputs,
    [property: Id(3)] IReadOnlyList<CustodyStep> Custody,
    [property: Id(4)] IReadOnlyList<TracedCheckpoint> Checkpoints)
{
    /// <summary>The events of the log declared in error, in the order declared (absent from trails stored before there were any).</summary>
    [Id(5)]
    public IReadOnlyList<ErrorDeclaration> Declarations { get; init; } = [];

    /// <summary>The declaration of the event at this version, if it was declared in error.</summary>
    public ErrorDeclaration? DeclarationOf(long version) => Declarations.FirstOrDefault(d => d.DeclaredVersion == version);

    /// <summary>Who holds the batch after the last step.</summary>
    public Gln Custodian => Custody[^1].Custodian;

    /// <summary>Whether a party took part in this batch: made, held, shipped, received or checked it, or had it shipped to it.</summary>
    public bool Involves(Gln party) =>
        Custody.Any(step => step.Custodian == party || step.Actor == party || step.Counterparty == party)
        || Checkpoints.Any(check => check.Actor == party);

    /// <summary>The trail of a whole log, in version order; null for an empty log.</summary>
    public static BatchTrail? Of(IEnumerable<RecordedEvent> events) => events.Aggregate((BatchTrail?)null, Apply);

    /// <summary>The trail after one more stored event; events must come in version order from the creation.</summary>
    public static BatchTrail Apply(BatchTrail? trail, RecordedEvent recorded)
    {
        var version = recorded.Version;
        if (trail is null)
        {
            return recorded.Event is BatchCreated created && version == 1
                ? new BatchTrail(version, created.Origin, created.Inputs.ToList(), new List<CustodyStep> { Creation(version, created) }, new List<TracedCheckpoint>())
                : throw new InvalidOperationException($"a trail starts at the creation (version 1), not at {recorded.Event.GetType().Name} version {version}");
        }

        if (version != trail.Version + 1)
        {
            throw new InvalidOperationException($"event {version} does not follow version {trail.Version}");
        }

        if (recorded.Event is ErrorDeclared)
        {
            return trail with { Version = version, Declarations = trail.Declarations.Append(ErrorDeclaration.Of(recorded)).ToList() };
        }

        var holder = trail.Custodian;
        var e = recorded.Event;
        CustodyStep Step(CustodyStepKind kind, Gln custodian, Gln? counterparty, Quantity? quantity, IReadOnlyList<BatchPart>? related = null, string note = "") =>
            new(version, e.EventTime, kind, e.Actor, custodian, counterparty, e.Location, quantity, null, related ?? new List<BatchPart>(), note, null, new List<MeasurementResult>(), new List<string>());

        var step = e switch
        {
            // Holds change whether the batch may move, not who holds it: the state and the history tell them.
            CheckpointRecorded or BatchRecalled or BatchHeld or HoldLifted => null,
            BatchShipped s => Step(CustodyStepKind.Shipped, holder, s.Receiver, s.Quantity),
            BatchReceived r => Step(CustodyStepKind.Received, r.Actor, r.Shipper, r.Received, note: r.Condition) with
            {
                Loss = r.Loss,
                Verdict = r.MissingReadings.Count > 0 ? Verdict.Fail : r.Results.Count > 0 ? r.Verdict : null,
                Results = r.Results.ToList(),
                MissingReadings = r.MissingReadings.ToList(),
            },
            ShipmentRejected r => Step(CustodyStepKind.Rejected, holder, r.Shipper, null, note: r.Reason),
            BatchSplit s => Step(CustodyStepKind.Split, holder, null, Total(s.Children, s.Remaining.Unit), s.Children.ToList()),
            BatchMerged m => Step(CustodyStepKind.MergedInto, holder, null, m.Quantity, new List<BatchPart> { new(m.Into, m.Quantity) }),
            MergeReverted m => Step(CustodyStepKind.MergeReverted, holder, null, m.Quantity, new List<BatchPart> { new(m.Into, m.Quantity) }, m.Reason),
            BatchTransformed t => Step(CustodyStepKind.TransformedInto, holder, null, t.Used, t.Outputs.ToList()),
            TransformReverted t => Step(CustodyStepKind.TransformReverted, holder, null, t.Quantity, t.Outputs.ToList(), t.Reason),
            _ => throw new InvalidOperationException($"event {version} ({e.GetType().Name}) cannot follow the creation"),
        };

        return e is CheckpointRecorded c
            ? trail with
            {
                Version = version,
                Checkpoints = trail.Checkpoints.Append(new TracedCheckpoint(version, c.EventTime, c.Kind, c.Step, c.Actor, c.Location, c.Verdict, c.Results, c.Certificate)).ToList(),
            }
            : step is null ? trail with { Version = version }
            : trail with { Version = version, Custody = trail.Custody.Append(step).ToList() };
    }

    private static CustodyStep Creation(long version, BatchCreated created)
    {
        var kind = created.Origin switch
        {
            Origin.Split => CustodyStepKind.SplitOff,
            Origin.Merged => CustodyStepKind.MergedFrom,
            Origin.Transformed => CustodyStepKind.TransformedFrom,
            _ => CustodyStepKind.Produced,
        };
        return new CustodyStep(
            version, created.EventTime, kind, created.Actor, created.Actor, null, created.Location, created.Quantity, null,
            created.Inputs.ToList(), "", null, new List<MeasurementResult>(), new List<string>());
    }

    private static Quantity Total(IEnumerable<BatchPart> parts, string unit) =>
        parts.Aggregate(Quantity.Zero(unit), (sum, part) => sum.Add(part.Quantity));
}
