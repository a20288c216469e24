using System.Globalization;
using SupplyChain.V1;

namespace SupplyChain.Cli.Output;

/// <summary>Traces, chains of custody and verifications as tables an auditor reads.</summary>
internal static class TraceView
{
    public static void WriteBack(TextWriter output, TraceBackResponse trace)
    {
        new Fields()
            .Add("traced", Display.Batch(trace.Root))
            .Add("batches", $"{Count(trace.BatchCount)} (up to depth {Count(trace.MaxDepth)})")
            .Add("truncated", trace.Truncated ? "yes: ancestors beyond the depth limit are left out" : "")
            .Add("producers", string.Join(", ", trace.ProducerGlns))
            .Add("checks", trace.AllChecksPassed
                ? "all passed"
                : $"{Count(trace.FailedCheckpoints)} failed checkpoint(s), {Count(trace.FailedHandoffs)} failed handoff check(s)")
            .WriteTo(output);

        output.WriteLine();
        output.WriteLine("batches:");
        var batches = new Table("DEPTH", "BATCH", "PRODUCT", "OCOP", "PRODUCER", "WHERE", "ORIGIN", "QUANTITY", "STATUS", "CUSTODIAN", "FAILED");
        foreach (var batch in trace.Batches)
        {
            var producer = batch.Producer ?? new ProducerSummary();
            batches.Add(
                Count(batch.Depth),
                Display.Batch(batch.Batch),
                batch.Product?.Name ?? "",
                batch.Product is { OcopStars: > 0 } product ? $"{Count(product.OcopStars)}*" : "",
                string.IsNullOrEmpty(producer.Name) ? producer.Gln : $"{producer.Name} ({producer.Gln})",
                string.Join(", ", new[] { producer.Commune, producer.District, producer.Province }.Where(part => part.Length > 0)),
                Display.Name(batch.Origin),
                Display.Quantity(batch.Quantity),
                Display.Name(batch.Status),
                batch.CustodianGln,
                batch.FailedCheckpoints > 0 ? Count(batch.FailedCheckpoints) : "");
        }

        batches.WriteTo(output, "(no batches)");
        WriteFlows(output, trace.Edges);

        output.WriteLine();
        output.WriteLine("handoffs:");
        var handoffs = new Table("BATCH", "SHIPPED", "FROM", "TO", "QUANTITY", "OUTCOME", "AT", "RECEIVED", "LOSS", "NOTE");
        foreach (var batch in trace.Batches)
        {
            foreach (var handoff in batch.Custody)
            {
                handoffs.Add(
                    Display.Batch(batch.Batch),
                    Display.Time(handoff.ShippedAt),
                    handoff.FromGln,
                    handoff.ToGln,
                    Display.Quantity(handoff.QuantityShipped),
                    Display.Name(handoff.Outcome),
                    Display.Time(handoff.ReceivedAt),
                    Display.Quantity(handoff.QuantityReceived),
                    handoff.Loss is { Value: > 0 } loss ? Display.Quantity(loss) : "",
                    Note(handoff));
            }
        }

        handoffs.WriteTo(output, "(no handoffs)");

        output.WriteLine();
        output.WriteLine("checkpoints:");
        var checkpoints = new Table("BATCH", "VERSION", "AT", "KIND", "STEP", "ACTOR", "VERDICT", "READINGS");
        foreach (var batch in trace.Batches)
        {
            foreach (var checkpoint in batch.Checkpoints)
            {
                checkpoints.Add(
                    Display.Batch(batch.Batch),
                    checkpoint.Version.ToString(CultureInfo.InvariantCulture),
                    Display.Time(checkpoint.ObservedAt),
                    Display.Name(checkpoint.Kind),
                    checkpoint.Step,
                    checkpoint.ActorGln,
                    Display.Outcome(checkpoint.Verdict),
                    string.Join("; ", new[] { Readings(checkpoint.Results), Display.Declared(checkpoint.ErrorDeclaration) }.Where(p => p.Length > 0)));
            }
        }

        checkpoints.WriteTo(output, "(no checkpoints)");
        WriteDeclarations(output, trace.Batches.Select(b => (b.Batch, (IEnumerable<ErrorDeclaration>)b.ErrorDeclarations)));
    }

    /// <summary>Every event of the traced batches declared in error, so none goes unseen (a creation has no row of its own above).</summary>
    private static void WriteDeclarations(TextWriter output, IEnumerable<(BatchRef Batch, IEnumerable<ErrorDeclaration> Declarations)> batches)
    {
        var declared = new Table("BATCH", "VERSION", "EVENT", "DECLARED", "BY", "REASON", "CORRECTED BY");
        foreach (var (batch, declarations) in batches)
        {
            foreach (var d in declarations)
            {
                declared.Add(
                    Display.Batch(batch), d.DeclaredVersion.ToString(CultureInfo.InvariantCulture), d.DeclaredEventId, Display.Time(d.DeclarationTime),
                    d.DeclaredByGln, d.Reason, string.Join(", ", d.CorrectiveEventIds));
            }
        }

        if (declared.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("declared in error:");
            declared.WriteTo(output, "");
        }
    }

    public static void WriteForward(TextWriter output, TraceForwardResponse trace)
    {
        new Fields()
            .Add("traced", Display.Batch(trace.Root))
            .Add("batches", Count(trace.BatchCount))
            .Add("held by", string.Join(", ", trace.CustodianGlns))
            .WriteTo(output);

        output.WriteLine();
        output.WriteLine("batches:");
        var batches = new Table("DEPTH", "BATCH", "ORIGIN", "STATUS", "QUANTITY", "CUSTODIAN", "LOCATION", "IN TRANSIT TO", "HOLD REASON");
        foreach (var batch in trace.Batches)
        {
            batches.Add(
                Count(batch.Depth),
                Display.Batch(batch.Batch),
                Display.Name(batch.Origin),
                Display.Name(batch.Status),
                Display.Quantity(batch.Quantity),
                batch.CustodianGln,
                batch.LocationGln,
                batch.PendingReceiverGln,
                batch.HoldReason);
        }

        batches.WriteTo(output, "(no batches)");
        WriteFlows(output, trace.Edges);
        WriteDeclarations(output, trace.Batches.Select(b => (b.Batch, (IEnumerable<ErrorDeclaration>)b.ErrorDeclarations)));
    }

    public static void WriteRecall(TextWriter output, RecallResponse recall)
    {
        new Fields()
            .Add("recalled", Display.Batch(recall.Root))
            .Add("recall id", recall.RecallId)
            .Add("batches", $"{Count(recall.BatchCount)} ({Count(recall.NewlyRecalled)} recalled now{(recall.Replayed ? "; a retry of a stored recall" : "")})")
            .Add("notified", string.Join(", ", recall.NotifiedGlns))
            .WriteTo(output);

        output.WriteLine();
        var batches = new Table("DEPTH", "BATCH", "OUTCOME", "STATUS", "CUSTODIAN", "IN TRANSIT TO", "VERSION");
        foreach (var batch in recall.Batches)
        {
            batches.Add(
                Count(batch.Depth),
                Display.Batch(batch.Batch),
                Display.Name(batch.Outcome),
                Display.Name(batch.Status),
                batch.CustodianGln,
                batch.PendingReceiverGln,
                batch.Version == 0 ? "" : batch.Version.ToString(CultureInfo.InvariantCulture));
        }

        batches.WriteTo(output, "(no batches)");
    }

    public static void WriteCustody(TextWriter output, GetChainOfCustodyResponse custody)
    {
        var batch = custody.Batch;
        new Fields()
            .Add("batch", $"{batch.Gtin}/{batch.Lot}")
            .Add("status", Display.Name(batch.Status))
            .Add("quantity", Display.Quantity(batch.Quantity))
            .Add("custodian", batch.CustodianGln)
            .Add("in transit to", batch.PendingReceiverGln)
            .WriteTo(output);

        output.WriteLine();
        var steps = new Table("VERSION", "AT", "STEP", "ACTOR", "CUSTODIAN AFTER", "OTHER PARTY", "QUANTITY", "DETAILS");
        foreach (var step in custody.Steps)
        {
            steps.Add(
                step.Version.ToString(CultureInfo.InvariantCulture),
                Display.Time(step.At),
                Display.Name(step.Kind),
                step.ActorGln,
                step.CustodianGln,
                step.CounterpartyGln,
                Display.Quantity(step.Quantity),
                Details(step));
        }

        steps.WriteTo(output, "(no steps)");
    }

    public static void WriteVerification(TextWriter output, VerifyBatchResponse verified) =>
        new Fields()
            .Add("batch", Display.Batch(verified.Batch))
            .Add("result", verified.Ok ? "OK: the stored hash chain is intact" : "BROKEN: the stored record was altered")
            .Add("events checked", verified.EventsChecked.ToString(CultureInfo.InvariantCulture))
            .Add("head", $"version {verified.HeadVersion.ToString(CultureInfo.InvariantCulture)}, hash {verified.HeadHash}")
            .Add("first bad version", verified.Ok ? "" : verified.FirstBadVersion.ToString(CultureInfo.InvariantCulture))
            .Add("problem", Display.Name(verified.Problem))
            .Add("reason", verified.Ok ? "" : verified.Reason)
            .WriteTo(output);

    private static void WriteFlows(TextWriter output, IEnumerable<TraceEdge> edges)
    {
        output.WriteLine();
        output.WriteLine("flows:");
        var flows = new Table("FROM", "INTO", "QUANTITY");
        foreach (var edge in edges)
        {
            flows.Add(Display.Batch(edge.Parent), Display.Batch(edge.Child), Display.Quantity(edge.Quantity));
        }

        flows.WriteTo(output, "(no flows)");
    }

    private static string Note(Handoff handoff)
    {
        var parts = new List<string>();
        if (handoff.RejectionReason.Length > 0)
        {
            parts.Add(handoff.RejectionReason);
        }

        if (handoff.Condition.Length > 0)
        {
            parts.Add(handoff.Condition);
        }

        if (handoff.Verdict != Verdict.Unspecified)
        {
            parts.Add($"readings {Display.Outcome(handoff.Verdict)}");
        }

        parts.AddRange(handoff.MissingReadings);
        parts.AddRange(new[] { handoff.ShipmentErrorDeclaration, handoff.SettlementErrorDeclaration }.OfType<ErrorDeclaration>().Select(d => Display.Declared(d)));
        return string.Join("; ", parts);
    }

    private static string Details(CustodyStep step)
    {
        var parts = new List<string>();
        if (step.Related.Count > 0)
        {
            var direction = step.Kind is CustodyStepKind.SplitOff or CustodyStepKind.MergedFrom or CustodyStepKind.TransformedFrom ? "from" : "into";
            parts.Add($"{direction} {string.Join(", ", step.Related.Select(r => $"{Display.Batch(r.Batch)} ({Display.Quantity(r.Quantity)})"))}");
        }

        if (step.Loss is { Value: > 0 } loss)
        {
            parts.Add($"loss {Display.Quantity(loss)}");
        }

        if (step.Note.Length > 0)
        {
            parts.Add(step.Note);
        }

        if (step.Verdict != Verdict.Unspecified)
        {
            parts.Add($"readings {Display.Outcome(step.Verdict)}");
        }

        if (step.ErrorDeclaration is { } declared)
        {
            parts.Add(Display.Declared(declared));
        }

        return string.Join("; ", parts);
    }

    private static string Readings(IEnumerable<MeasurementResult> results) =>
        string.Join("; ", results.Select(r => $"{r.Measurement?.Type} {Display.Reading(r.Measurement)}{(r.WithinLimit ? "" : " OUT OF LIMIT")}"));

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
