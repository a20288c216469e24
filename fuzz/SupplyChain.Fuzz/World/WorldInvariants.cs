using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Fuzz.World;

/// <summary>
/// What must hold after every step, whatever the commands were: each log's hash chain verifies and folds back into
/// the stored state; quantities are conserved per unit (produced = held + recorded loss + given to transformations); each batch has one known
/// custodian, the one its custody steps end at; a batch in transit has exactly one pending receiver, not its custodian;
/// parents and children name each other.
/// </summary>
internal static class WorldInvariants
{
    /// <summary>Checks the logs written by the last step in depth, and every batch's state and the totals.</summary>
    public static void Check(BatchWorld world, IEnumerable<BatchRef> touched)
    {
        foreach (var batch in touched)
        {
            CheckLog(world.Logs[batch]);
        }

        CheckBatches(world);
        CheckConservation(world);
        CheckChains(world);
    }

    /// <summary>Each chain's ledger places every batch on it where the batch is, and its report lists each present batch once.</summary>
    private static void CheckChains(BatchWorld world)
    {
        foreach (var (chainId, ledger) in world.Ledgers)
        {
            var report = ChainReport.Of(world.Chains[chainId], ledger, world.Now);
            var listed = report.Stages.SelectMany(s => s.Batches).Concat(report.InTransit.Select(t => t.Batch)).ToList();
            if (listed.Distinct().Count() != listed.Count || report.BatchCount != ledger.Batches.Count)
            {
                throw new InvariantBroken($"chain {chainId}: its report lists a batch twice or miscounts: {string.Join(", ", listed)}");
            }

            foreach (var log in world.Logs.Values.Where(l => l.State!.ChainId == chainId))
            {
                var s = log.State!;
                var seen = ledger.Batches.GetValueOrDefault(s.Ref.Key);
                if (seen is null || seen.Consumed != (s.Status == BatchStatus.Consumed) || seen.InTransitTo != s.PendingReceiver || seen.Custodian != s.Custodian
                    || listed.Contains(s.Ref) == (s.Status == BatchStatus.Consumed))
                {
                    throw new InvariantBroken($"chain {chainId} places batch {s.Ref} as {seen?.ToString() ?? "absent"}, but it is {BatchRules.Words(s.Status)}, held by {s.Custodian}, pending receiver {s.PendingReceiver?.ToString() ?? "none"}");
                }
            }
        }
    }

    /// <summary>The log verifies, its stored texts fold back into its state, and its custody steps end at the custodian.</summary>
    public static void CheckLog(WorldLog log)
    {
        var state = log.State ?? throw new InvariantBroken($"batch {log.Batch} has a log but no state");
        var verification = LogVerifier.Verify(log.Batch, log.Links, log.Head);
        if (!verification.Ok)
        {
            throw new InvariantBroken($"batch {log.Batch}: its log does not verify: {verification.Reason}");
        }

        BatchState? replayed = null;
        foreach (var (link, recorded) in log.Links.Zip(log.Events))
        {
            replayed = BatchState.Apply(replayed, recorded with { Event = EventHash.ParseEvent(link.CanonicalJson!) });
        }

        var stored = JsonSerializer.Serialize(state, EventHash.Canonical);
        var folded = JsonSerializer.Serialize(replayed, EventHash.Canonical);
        if (stored != folded)
        {
            throw new InvariantBroken($"batch {log.Batch}: its stored events fold into another state than the one stored:\n  stored {stored}\n  folded {folded}");
        }

        var ids = log.Events.GroupBy(e => e.Event.EventId).FirstOrDefault(g => g.Count() > 1);
        if (ids is not null)
        {
            throw new InvariantBroken($"batch {log.Batch}: event id '{ids.Key}' is stored {ids.Count()} times");
        }

        var trail = BatchTrail.Of(log.Events)!;
        if (trail.Custodian != state.Custodian)
        {
            throw new InvariantBroken($"batch {log.Batch}: its custody steps end at {trail.Custodian} but its custodian is {state.Custodian}");
        }

        var open = Handoff.Of(trail.Custody).Where(h => h.Outcome == HandoffOutcome.InTransit).ToList();
        var shouldBeOpen = state.Status == BatchStatus.InTransit || state.Status == BatchStatus.Recalled && state.PendingReceiver is not null;
        if (open.Count > 1 || (open.Count == 1) != shouldBeOpen || open.Count == 1 && open[0].To != state.PendingReceiver)
        {
            throw new InvariantBroken(
                $"batch {log.Batch} is {BatchRules.Words(state.Status)} (pending receiver {state.PendingReceiver?.ToString() ?? "none"}) but its custody has {open.Count} open handoffs"
                + (open.Count > 0 ? $", to {string.Join(", ", open.Select(h => h.To))}" : ""));
        }
    }

    private static void CheckBatches(BatchWorld world)
    {
        foreach (var (batch, log) in world.Logs)
        {
            var s = log.State!;
            string? Problem()
            {
                if (s.Ref != batch)
                {
                    return $"its state names {s.Ref}";
                }

                if (s.Version != log.Events.Count || s.HeadHash != log.Events[^1].Hash)
                {
                    return $"its state names version {s.Version} but its log has {log.Events.Count} events";
                }

                if (!world.Participants.ContainsKey(s.Custodian))
                {
                    return $"its custodian {s.Custodian} is not a registered participant";
                }

                if (s.Status == BatchStatus.InTransit && (s.PendingReceiver is not { } receiver || receiver == s.Custodian || s.ShippedAt is null))
                {
                    return $"it is in transit with pending receiver {s.PendingReceiver?.ToString() ?? "none"} and custodian {s.Custodian}";
                }

                if (s.PendingReceiver is not null && s.Status is not (BatchStatus.InTransit or BatchStatus.Recalled))
                {
                    return $"it is {BatchRules.Words(s.Status)} yet names pending receiver {s.PendingReceiver}";
                }

                if (s.Quantity.Value < 0 || (s.Status == BatchStatus.Consumed) != (s.Quantity.Value == 0))
                {
                    return $"it is {BatchRules.Words(s.Status)} and holds {s.Quantity}";
                }

                if (s.Status == BatchStatus.Consumed && s.Children.Count == 0)
                {
                    return "it is consumed but nothing was made from it";
                }

                if (s.Status == BatchStatus.OnHold && string.IsNullOrEmpty(s.HoldReason))
                {
                    return "it is on hold without a reason";
                }

                if (s.Children.Distinct().Count() != s.Children.Count)
                {
                    return $"it names a child twice: {string.Join(", ", s.Children)}";
                }

                if (s.Children.FirstOrDefault(c => world.State(c) is not { } child || !child.Parents.Contains(batch)) is { } orphan)
                {
                    return $"it names child {orphan}, which does not name it as a parent";
                }

                if (s.Parents.FirstOrDefault(p => world.State(p) is not { } parent || !parent.Children.Contains(batch)) is { } stranger)
                {
                    return $"it names parent {stranger}, which does not name it as a child";
                }

                return null;
            }

            if (Problem() is { } problem)
            {
                throw new InvariantBroken($"batch {batch}: {problem}");
            }
        }
    }

    /// <summary>Per unit: what was produced equals what is held plus what was recorded lost at receipts.</summary>
    private static void CheckConservation(BatchWorld world)
    {
        // A transformation ends its inputs' parts and makes its outputs anew (other products, other amounts): its
        // outputs count as produced, and what its inputs gave as gone into it.
        var totals = new Dictionary<string, (decimal Produced, decimal Held, decimal Lost, decimal Transformed)>();
        void Add(string unit, decimal produced = 0, decimal held = 0, decimal lost = 0, decimal transformed = 0)
        {
            var t = totals.GetValueOrDefault(unit);
            totals[unit] = (t.Produced + produced, t.Held + held, t.Lost + lost, t.Transformed + transformed);
        }

        foreach (var log in world.Logs.Values)
        {
            Add(log.State!.Quantity.Unit, held: log.State.Quantity.Value);
            foreach (var recorded in log.Events)
            {
                switch (recorded.Event)
                {
                    case BatchCreated { Origin: Origin.Produced or Origin.Transformed } created:
                        Add(created.Quantity.Unit, produced: created.Quantity.Value);
                        break;
                    case BatchReceived received:
                        Add(received.Loss.Unit, lost: received.Loss.Value);
                        break;
                    case BatchTransformed given:
                        Add(given.Used.Unit, transformed: given.Used.Value);
                        break;
                    case TransformReverted returned:
                        Add(returned.Quantity.Unit, transformed: -returned.Quantity.Value);
                        break;
                }
            }
        }

        foreach (var (unit, t) in totals)
        {
            if (t.Produced != t.Held + t.Lost + t.Transformed)
            {
                throw new InvariantBroken($"quantities are not conserved in {unit}: {t.Produced} produced, {t.Held} held, {t.Lost} lost and {t.Transformed} gone into transformations (off by {t.Produced - t.Held - t.Lost - t.Transformed})");
            }
        }
    }
}
