using System.Globalization;
using System.Text.Json;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Fuzz.World;

/// <summary>
/// Random command sequences on a small world of batches: create, checkpoint, ship, receive, reject, split, merge,
/// recall, and now and then an edit of a stored log behind the rules' back, which verification must catch. Commands
/// are mostly plausible (the custodian acting, amounts within the batch) so that sequences reach deep states, and
/// often not. After each step the invariants are checked, and a refused step must have changed nothing.
/// </summary>
internal sealed class WorldTarget(Noise noise, Tally tally) : ITarget
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 7, 0, 0, TimeSpan.FromHours(7));

    private readonly List<string> _sequence = new();
    private BatchWorld _world = new(Start);
    private int _stepsLeft;
    private int _episode;
    private int _next;

    /// <summary>The commands the rules accepted, by kind.</summary>
    public const string Accepted = "batch world, accepted";

    public string Name => "batch world";

    /// <summary>The steps of the current episode, each as it was sent.</summary>
    public IReadOnlyList<string> Sequence => _sequence;

    /// <summary>The current world, which the EPCIS target exports from.</summary>
    public BatchWorld World => _world;

    public void Step()
    {
        if (_stepsLeft-- <= 0)
        {
            _world = new BatchWorld(Start.AddDays(_episode));
            _sequence.Clear();
            _sequence.Add($"(episode {++_episode}: a fresh world)");
            _stepsLeft = noise.Between(50, 400);
        }

        _world.Tick(TimeSpan.FromSeconds(noise.Between(1, 900)));
        var before = _world.Logs.ToDictionary(l => l.Key, l => (l.Value.State!.Version, l.Value.State.HeadHash));
        (string Name, Action Act, string Outcome) next;
        try
        {
            next = Next();
        }
        catch (DomainException refused)
        {
            // A value the request parsers refuse (an amount of zero pieces): the command is never sent.
            tally.Count(Name, refused.Refusal.ToString());
            _sequence.Add($"(a command not sent: {refused.Message})");
            return;
        }

        var (name, act, outcome) = next;
        _sequence.Add(name);
        try
        {
            act();
            if (outcome is "tampering detected" or "traced")
            {
                tally.Count(Name, outcome);
            }
            else
            {
                tally.Count(Name, "accepted");
                tally.Count(Accepted, outcome);
            }
        }
        catch (DomainException refused)
        {
            tally.Count(Name, refused.Refusal.ToString());
            _sequence[^1] += $"  -> refused {refused.Refusal}: {refused.Message}";
            Unchanged(before);
        }

        WorldInvariants.Check(_world, _world.TakeTouched());
    }

    /// <summary>A refused command stores nothing: every batch keeps its version and head hash, and no batch appears.</summary>
    private void Unchanged(Dictionary<BatchRef, (long Version, string HeadHash)> before)
    {
        foreach (var (batch, log) in _world.Logs)
        {
            if (!before.TryGetValue(batch, out var was))
            {
                throw new InvariantBroken($"a refused command created batch {batch}");
            }

            var now = (log.State!.Version, log.State.HeadHash);
            if (now != was)
            {
                throw new InvariantBroken($"a refused command changed batch {batch}: version {was.Version} became {now.Version}");
            }
        }
    }

    private (string Name, Action Act, string Outcome) Next()
    {
        switch (noise.Below(22))
        {
            case 0 or 1 or 2:
                var create = Create();
                return (Show(create), () => _world.Run(create), "create");
            case 3 or 4 or 5:
                var checkpoint = Checkpoint();
                return (Show(checkpoint), () => _world.Run(checkpoint), "checkpoint");
            case 6 or 7 or 8:
                var ship = Ship();
                return (Show(ship), () => _world.Run(ship), "ship");
            case 9 or 10 or 11:
                var receive = Receive();
                return (Show(receive), () => _world.Run(receive), receive.Accept ? "receive" : "reject");
            case 12 or 13:
                var split = Split();
                return (Show(split), () => _world.Run(split), "split");
            case 14 or 15:
                var merge = Merge();
                return (Show(merge), () => _world.Run(merge), "merge");
            case 16:
                var recall = Recall();
                return (Show(recall), () => RecallAndCheck(recall), "recall");
            case 17:
                return ("tamper with a stored log", Tamper, "tampering detected");
            case 18:
                var transform = Transform();
                return (Show(transform), () => _world.Run(transform), "transform");
            case 19:
                var hold = Hold();
                return (Show(hold), () => _world.Run(hold), hold.Action == HoldAction.Place ? "hold" : "lift hold");
            default:
                var batch = Existing();
                return ($"trace {batch} both ways", () => Trace(batch), "traced");
        }
    }

    private CreateBatch Create()
    {
        var gtin = noise.Pick(Cast.Gtins);
        var product = _world.Products[gtin];
        var unit = noise.Chance(0.9) ? product.Unit : noise.Pick(Quantity.Units.Keys.ToList());
        var producer = noise.Chance(0.85) ? product.ProducerGln : noise.Pick(Cast.Parties);
        return new CreateBatch(
            NewEventId(), new BatchRef(gtin, noise.Chance(0.8) ? $"L{noise.Below(40)}" : NewLot("N")), Amount(unit, 1000), producer,
            noise.Chance(0.8) ? producer : noise.Pick(Cast.Parties), Time(), noise.Chance(0.5) ? Cast.Chain.ChainId : null);
    }

    private RecordCheckpoint Checkpoint()
    {
        var batch = Existing();
        var state = _world.State(batch);
        var actor = noise.Below(10) switch
        {
            < 6 when state is not null => state.Custodian,
            6 or 7 => Cast.Lab,
            8 => Cast.Auditor,
            _ => noise.Pick(Cast.Parties),
        };
        var kind = noise.Pick(new[] { CheckpointKind.Production, CheckpointKind.Environmental, CheckpointKind.FoodSafety });
        var certificate = noise.Chance(0.3) ? new Certificate(noise.Chance(0.7) ? Cast.Lab : null, $"LAB-{noise.Below(1000)}") : null;
        return new RecordCheckpoint(
            NewEventId(), batch, actor, kind, noise.Pick(new[] { "drying", "packing", "sampling", "storing", "harvesting" }), actor, Time(), Readings(), certificate);
    }

    private ShipBatch Ship()
    {
        var batch = Existing();
        var state = _world.State(batch);
        var actor = state is not null && noise.Chance(0.85) ? state.Custodian : noise.Pick(Cast.Parties);
        var quantity = noise.Below(10) switch
        {
            < 7 => null,
            < 9 when state is not null => state.Quantity,
            _ => Amount(state?.Quantity.Unit ?? "KGM", 1000),
        };
        return new ShipBatch(NewEventId(), batch, actor, noise.Pick(Cast.Parties), quantity, actor, Time());
    }

    private ReceiveBatch Receive()
    {
        var batch = noise.Chance(0.7) && _world.Logs.Values.Where(l => l.State!.Status == BatchStatus.InTransit).Select(l => l.Batch).ToList() is { Count: > 0 } moving
            ? noise.Pick(moving)
            : Existing();
        var state = _world.State(batch);
        var actor = state?.PendingReceiver is { } receiver && noise.Chance(0.85) ? receiver : noise.Pick(Cast.Parties);
        var accept = noise.Chance(0.8);
        Quantity? received = null;
        if (state is not null && noise.Chance(0.5))
        {
            received = noise.Below(10) switch
            {
                < 7 => Part(state.Quantity, noise.Fraction()),
                < 9 => Amount(state.Quantity.Unit, (double)state.Quantity.Value * 2 + 1),
                _ => Amount(noise.Pick(Quantity.Units.Keys.ToList()), 100),
            };
        }

        var readings = noise.Chance(0.6) ? new List<Measurement> { Reading("temperature") } : new List<Measurement>();
        return new ReceiveBatch(
            NewEventId(), batch, actor, accept, received, noise.Pick(new[] { "", "sealed", "two bags torn" }), actor, Time(), readings,
            noise.Pick(new[] { "", "seal broken", "wrong product" }));
    }

    private SplitBatch Split()
    {
        var batch = Existing();
        var state = _world.State(batch);
        var count = noise.Below(50) switch
        {
            0 => 0,
            1 => Bounds.PartsPerSplit + 1,
            _ => noise.Between(1, 4),
        };
        var whole = state?.Quantity ?? new Quantity(100m, "KGM");
        var shares = Enumerable.Range(0, count).Select(_ => noise.Fraction()).ToList();
        var scale = noise.Below(4) switch
        {
            0 => 1.0, // the whole batch: the parent is consumed
            1 => 1.0 + noise.Fraction(), // more than the batch holds
            _ => noise.Fraction(),
        };
        var sum = shares.Sum();
        var parts = new List<BatchPart>();
        for (var i = 0; i < count; i++)
        {
            var lot = noise.Below(20) switch
            {
                0 => batch.Lot,
                1 when parts.Count > 0 => parts[^1].Batch.Lot,
                2 => Existing().Lot,
                _ => NewLot("S"),
            };
            var gtin = noise.Below(50) == 0 ? noise.Pick(Cast.Gtins) : batch.Gtin;
            var share = Part(whole, sum == 0 ? 0 : shares[i] / sum * scale);
            parts.Add(new BatchPart(new BatchRef(gtin, lot), share ?? whole));
        }

        // Shares rounded down leave a remainder; a split meant to take the whole batch takes it exactly.
        if (scale == 1.0 && parts.Count > 0 && parts.All(p => p.Quantity.Unit == whole.Unit))
        {
            var rest = whole.Value - parts.Take(parts.Count - 1).Sum(p => p.Quantity.Value);
            if (rest > 0)
            {
                parts[^1] = parts[^1] with { Quantity = new Quantity(rest, whole.Unit) };
            }
        }

        var actor = state is not null && noise.Chance(0.85) ? state.Custodian : noise.Pick(Cast.Parties);
        return new SplitBatch(NewEventId(), batch, actor, parts, actor, Time());
    }

    private MergeBatches Merge()
    {
        // Mostly distinct active batches of one holder in one unit, into a product of that unit, so that merges can succeed.
        var active = _world.Logs.Values.Select(l => l.State!).Where(s => s.Status == BatchStatus.Active).ToList();
        var first = active.Count > 0 && noise.Chance(0.9) ? noise.Pick(active) : _world.State(Existing());
        var alike = active.Where(s => first is not null && s.Custodian == first.Custodian && s.Quantity.Unit == first.Quantity.Unit && s != first).Select(s => s.Ref).ToList();
        var count = noise.Below(40) switch
        {
            0 => 1,
            1 => Bounds.InputsPerMerge + 1,
            _ => noise.Between(2, 4),
        };
        var inputs = new List<BatchRef> { first?.Ref ?? Existing() };
        while (inputs.Count < count)
        {
            inputs.Add(alike.Count > 0 && noise.Chance(0.85) ? noise.Pick(alike) : Existing());
        }

        if (noise.Chance(0.8))
        {
            inputs = inputs.Distinct().ToList();
        }

        var sameUnit = Cast.Gtins.Where(g => first is null || _world.Products[g].Unit == first.Quantity.Unit).ToList();
        var gtin = first is not null && noise.Chance(0.5) ? first.Ref.Gtin : noise.Pick(sameUnit.Count > 0 && noise.Chance(0.9) ? sameUnit : Cast.Gtins.ToList());
        var output = noise.Below(20) switch
        {
            0 => inputs[0],
            1 => Existing(),
            _ => new BatchRef(gtin, NewLot("M")),
        };
        var actor = first is not null && noise.Chance(0.85) ? first.Custodian : noise.Pick(Cast.Parties);
        return new MergeBatches(NewEventId(), inputs, output, actor, actor, Time());
    }

    /// <summary>Mostly active batches of one holder giving a share, all, or more than they hold, into one to three new lots of any products.</summary>
    private TransformBatches Transform()
    {
        var active = _world.Logs.Values.Select(l => l.State!).Where(s => s.Status == BatchStatus.Active).ToList();
        var first = active.Count > 0 && noise.Chance(0.9) ? noise.Pick(active) : _world.State(Existing());
        var alike = active.Where(s => first is not null && s.Custodian == first.Custodian && s != first).ToList();
        var inputs = new List<TransformInput>();
        var count = noise.Below(40) == 0 ? Bounds.InputsPerTransform + 1 : noise.Between(1, 3);
        for (var i = 0; i < count; i++)
        {
            var state = i == 0 ? first : alike.Count > 0 && noise.Chance(0.85) ? noise.Pick(alike) : _world.State(Existing());
            var batch = state?.Ref ?? Existing();
            var given = state is null ? null : noise.Below(4) switch
            {
                0 => null, // all of it
                1 => Part(state.Quantity, 1.0 + noise.Fraction()), // more than it holds
                _ => Part(state.Quantity, noise.Fraction()),
            };
            inputs.Add(new TransformInput(batch, given));
        }

        var outputs = Enumerable.Range(0, noise.Below(30) == 0 ? 0 : noise.Between(1, 3)).Select(_ =>
        {
            var gtin = noise.Pick(Cast.Gtins.ToList());
            var lot = noise.Below(20) == 0 ? Existing() : new BatchRef(gtin, NewLot("T"));
            return new BatchPart(lot, Amount(_world.Products.GetValueOrDefault(lot.Gtin)?.Unit ?? "KGM", 500));
        }).ToList();
        var actor = first is not null && noise.Chance(0.85) ? first.Custodian : noise.Pick(Cast.Parties);
        return new TransformBatches(NewEventId(), inputs, outputs, actor, actor, Time());
    }

    /// <summary>An auditor (mostly) places a hold on a batch, or lifts one.</summary>
    private ChangeHold Hold()
    {
        var held = _world.Logs.Values.Select(l => l.State!).Where(s => s.Status == BatchStatus.OnHold).Select(s => s.Ref).ToList();
        var lift = noise.Chance(0.5);
        var batch = lift && held.Count > 0 && noise.Chance(0.9) ? noise.Pick(held) : Existing();
        return new ChangeHold(NewEventId(), batch, noise.Chance(0.85) ? Cast.Auditor : noise.Pick(Cast.Parties), lift ? HoldAction.Lift : HoldAction.Place,
            noise.Pick(new[] { "", "complaint C-17", "resampled: within limits" }));
    }

    private RecallBatch Recall()
    {
        var batch = Existing();
        var eventId = NewEventId();
        return new RecallBatch(eventId, batch, noise.Chance(0.85) ? Cast.Auditor : noise.Pick(Cast.Parties), eventId, batch, noise.Pick(new[] { "", "lead above limit", "label error" }));
    }

    /// <summary>A recall reaches everything made from the batch: each is recalled, or consumed and so holding nothing.</summary>
    private void RecallAndCheck(RecallBatch recall)
    {
        _world.Recall(recall);
        var queue = new Queue<BatchRef>(new[] { recall.Batch });
        var seen = new HashSet<BatchRef>();
        while (queue.TryDequeue(out var batch))
        {
            if (!seen.Add(batch))
            {
                continue;
            }

            var state = _world.State(batch)!;
            if (state.Status is not (BatchStatus.Recalled or BatchStatus.Consumed))
            {
                throw new InvariantBroken($"recall of {recall.Batch} left {batch}, made from it, {BatchRules.Words(state.Status)}");
            }

            foreach (var child in state.Children)
            {
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Traces back and forward from a batch: the walk finds the batch itself, and every parent and child it names.</summary>
    private void Trace(BatchRef batch)
    {
        var back = Domain.Traces.Genealogy.TraceBackAsync(batch, _world.Fetch).GetAwaiter().GetResult();
        var forward = Domain.Traces.Genealogy.TraceForwardAsync(batch, _world.Fetch).GetAwaiter().GetResult();
        var state = _world.State(batch)!;
        var up = back.Members.Select(m => m.Node.State.Ref).ToHashSet();
        var down = forward.Members.Select(m => m.Node.State.Ref).ToHashSet();
        if (!up.Contains(batch) || !down.Contains(batch) || state.Parents.Any(p => !up.Contains(p)) || state.Children.Any(c => !down.Contains(c)))
        {
            throw new InvariantBroken($"the trace of {batch} misses the batch, a parent or a child: back {string.Join(", ", up)}; forward {string.Join(", ", down)}");
        }

        // The spreadsheet of both ways, as the API writes it: a header and one row per event in the window.
        var logs = up.Union(down).Select(b => (b, _world.Logs[b].Events)).ToList();
        var names = Cast.Products.ToDictionary(p => p.Key, p => p.Value.Name);
        DateTimeOffset? from = noise.Chance(0.5) ? _world.Now.AddHours(-noise.Below(48)) : null;
        DateTimeOffset? to = noise.Chance(0.5) ? _world.Now.AddHours(noise.Between(-48, 1)) : null;
        var csv = TraceabilityCsv.Write(logs, names, from, to);
        var rows = TraceabilityCsv.Records(logs, names, from, to).Count;
        var written = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        if (written < rows + 1)
        {
            throw new InvariantBroken($"the spreadsheet of {batch} has {written} lines for {rows} records and a header");
        }
    }

    /// <summary>An edit of a stored log made behind the rules' back: verification must report it, and not throw.</summary>
    private void Tamper()
    {
        var logs = _world.Logs.Values.ToList();
        if (logs.Count == 0)
        {
            return;
        }

        var log = noise.Pick(logs);
        var links = log.Links.ToList();
        var head = log.Head!;
        var at = noise.Below(links.Count);
        var what = noise.Below(6);
        switch (what)
        {
            case 0:
                var text = links[at].CanonicalJson!;
                var i = noise.Below(text.Length);
                var edited = text[..i] + (char)(text[i] == 'x' ? 'y' : 'x') + text[(i + 1)..];
                links[at] = links[at] with { CanonicalJson = edited };
                break;
            case 1:
                // The edit rehashed too: the next link, or the head, no longer names it.
                var rewritten = noise.Mutate(links[at].CanonicalJson!);
                if (rewritten == links[at].CanonicalJson)
                {
                    return;
                }

                links[at] = links[at] with { CanonicalJson = rewritten, Hash = EventHash.Chain(links[at].PreviousHash, rewritten) };
                break;
            case 2:
                links.RemoveAt(at);
                break;
            case 3 when links.Count > 1:
                var other = (at + 1 + noise.Below(links.Count - 1)) % links.Count;
                (links[at], links[other]) = (links[other], links[at]);
                break;
            case 4:
                head = head with { Version = head.Version + noise.Pick(new[] { -1, 1, 5 }) };
                break;
            default:
                var stranger = noise.Pick(logs);
                if (stranger == log)
                {
                    return;
                }

                head = head with { StateJson = stranger.Head!.StateJson };
                if (stranger.State!.Version == log.State!.Version && stranger.State.HeadHash == log.State.HeadHash)
                {
                    return;
                }

                break;
        }

        var verification = LogVerifier.Verify(log.Batch, links, head);
        if (verification.Ok)
        {
            throw new InvariantBroken($"an edit of kind {what} at version {at + 1} of batch {log.Batch}'s stored log was not detected");
        }
    }

    private BatchRef Existing()
    {
        if (_world.Logs.Count > 0 && noise.Chance(0.9))
        {
            return noise.Pick(_world.Logs.Keys.ToList());
        }

        return new BatchRef(noise.Pick(Cast.Gtins), $"L{noise.Below(40)}");
    }

    private IReadOnlyList<Measurement> Readings()
    {
        var count = noise.Below(30) switch
        {
            0 => Bounds.MeasurementsPerCheckpoint + 1,
            < 4 => 0,
            _ => noise.Between(1, 3),
        };
        var readings = new List<Measurement>();
        for (var i = 0; i < count; i++)
        {
            var reading = Reading(noise.Pick(Cast.Readings).Type);
            readings.Add(count > Bounds.MeasurementsPerCheckpoint ? reading with { Type = $"t{i}" } : reading);
        }

        return readings;
    }

    /// <summary>A reading of a type in its unit (mostly), its value around its limits.</summary>
    private Measurement Reading(string type)
    {
        var (_, unit, low, high) = Cast.Readings.First(r => r.Type == type);
        var value = Math.Round(low + (high - low) * noise.Fraction(), 2);
        return new Measurement(type, Quantity.Normalise((decimal)value), noise.Chance(0.95) ? unit : "KGM");
    }

    /// <summary>An amount through the parser, as a request's would come; the parser's refusal is this step's.</summary>
    private Quantity Amount(string unit, double upTo)
    {
        var value = noise.Chance(0.9) ? Math.Round(noise.Fraction() * upTo, unit == "H87" ? 0 : 3) : noise.Number();
        return Quantity.Parse(value, unit);
    }

    /// <summary>A share of a quantity, rounded down to what its unit can hold; null when that is nothing.</summary>
    private static Quantity? Part(Quantity whole, double share)
    {
        var places = whole.Unit == "H87" ? 0 : 3;
        var scaled = whole.Value * (decimal)Math.Clamp(share, 0, 2);
        var value = Math.Round(scaled, places, MidpointRounding.ToZero);
        return value > 0 ? new Quantity(Quantity.Normalise(value), whole.Unit) : null;
    }

    /// <summary>No time (the server's) mostly; else earlier, a little ahead (within or past the allowed skew), or far off.</summary>
    private DateTimeOffset? Time() => noise.Below(10) switch
    {
        < 6 => null,
        < 8 => _world.Now.AddSeconds(-noise.Below(7200)),
        8 => _world.Now.AddSeconds(noise.Below(600)),
        _ => _world.Now.AddDays(noise.Chance(0.5) ? -400 : 400),
    };

    private string NewEventId() => $"e{++_next}";

    private string NewLot(string prefix) => prefix + (++_next).ToString(CultureInfo.InvariantCulture);

    private static string Show(object command) => command switch
    {
        CreateBatch c => $"create {c.Batch} {c.Quantity} by {c.Producer} chain {c.ChainId ?? "none"} at {Show(c.ProducedAt)} ({c.EventId})",
        RecordCheckpoint c => $"checkpoint {c.Batch} {c.Kind} '{c.Step}' by {c.Actor} at {Show(c.ObservedAt)}: {string.Join(", ", c.Measurements)}{(c.Certificate is null ? "" : $" cert {c.Certificate.Reference}")} ({c.EventId})",
        ShipBatch c => $"ship {c.Batch} by {c.Actor} to {c.Receiver} quantity {c.Quantity?.ToString() ?? "whole"} at {Show(c.ShippedAt)} ({c.EventId})",
        ReceiveBatch c => $"{(c.Accept ? "receive" : "reject")} {c.Batch} by {c.Actor} quantity {c.Received?.ToString() ?? "as shipped"} at {Show(c.ReceivedAt)} readings {string.Join(", ", c.Measurements)} reason '{c.Reason}' ({c.EventId})",
        SplitBatch c => $"split {c.Batch} by {c.Actor} into {string.Join(", ", c.Parts.Select(p => $"{p.Batch} {p.Quantity}"))} at {Show(c.SplitAt)} ({c.EventId})",
        MergeBatches c => $"merge {string.Join(", ", c.Inputs.Take(5))}{(c.Inputs.Count > 5 ? $" (+{c.Inputs.Count - 5})" : "")} into {c.Output} by {c.Actor} at {Show(c.MergedAt)} ({c.EventId})",
        RecallBatch c => $"recall {c.Batch} by {c.Auditor} reason '{c.Reason}' ({c.EventId})",
        TransformBatches c => $"transform {string.Join(", ", c.Inputs.Take(5).Select(i => $"{i.Batch} {i.Quantity?.ToString() ?? "all"}"))}{(c.Inputs.Count > 5 ? $" (+{c.Inputs.Count - 5})" : "")} into {string.Join(", ", c.Outputs.Select(o => $"{o.Batch} {o.Quantity}"))} by {c.Actor} at {Show(c.TransformedAt)} ({c.EventId})",
        ChangeHold c => $"{(c.Action == HoldAction.Place ? "hold" : "lift the hold on")} {c.Batch} by {c.Auditor} reason '{c.Reason}' ({c.EventId})",
        _ => command.ToString() ?? "",
    };

    private static string Show(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture) ?? "now";
}
