using System.Globalization;
using SupplyChain.V1;

namespace SupplyChain.Cli.Output;

/// <summary>Batches, write receipts and checkpoint readings, as every batch command prints them.</summary>
internal static class BatchView
{
    public static void WriteDetails(TextWriter output, Batch batch) =>
        new Fields()
            .Add("gtin", batch.Gtin)
            .Add("lot", batch.Lot)
            .Add("digital link", LinkDomain.Link(batch.DigitalLink))
            .Add("status", Display.Name(batch.Status))
            .Add("hold reason", batch.HoldReason)
            .Add("quantity", Display.Quantity(batch.Quantity))
            .Add("producer", batch.ProducerGln)
            .Add("custodian", batch.CustodianGln)
            .Add("location", batch.LocationGln)
            .Add("in transit to", batch.PendingReceiverGln)
            .Add("chain", batch.ChainId)
            .Add("parents", Display.Batches(batch.Parents))
            .Add("children", Display.Batches(batch.Children))
            .Add("failed checks", batch.FailedCheckpoints > 0 ? batch.FailedCheckpoints.ToString(CultureInfo.InvariantCulture) : "")
            .Add("version", batch.Version.ToString(CultureInfo.InvariantCulture))
            .Add("head hash", batch.HeadHash)
            .Add("created", Display.Time(batch.CreatedAt))
            .Add("updated", Display.Time(batch.UpdatedAt))
            .WriteTo(output);

    public static void WriteList(TextWriter output, IEnumerable<Batch> batches)
    {
        var table = new Table("GTIN", "LOT", "STATUS", "QUANTITY", "CUSTODIAN", "LOCATION", "UPDATED");
        foreach (var batch in batches)
        {
            table.Add(
                batch.Gtin,
                batch.Lot,
                Display.Name(batch.Status),
                Display.Quantity(batch.Quantity),
                batch.CustodianGln,
                batch.LocationGln,
                Display.Time(batch.UpdatedAt));
        }

        table.WriteTo(output, "(no batches)");
    }

    /// <summary>The stored event, the batch after it, the batches it made and the verdict on readings (always when judged).</summary>
    public static void WriteResponse(TextWriter output, BatchEventResponse response, bool judged = false)
    {
        var receipt = response.Receipt;
        if (receipt is not null)
        {
            new Fields()
                .Add("event id", receipt.EventId)
                .Add("version", receipt.Version.ToString(CultureInfo.InvariantCulture))
                .Add("hash", receipt.Hash)
                .Add("recorded", Display.Time(receipt.RecordedAt))
                .Add("replayed", receipt.Replayed ? "yes: stored by an earlier call, nothing appended" : "")
                .WriteTo(output);
            output.WriteLine();
        }

        if (response.Batch is not null)
        {
            WriteDetails(output, response.Batch);
        }

        if (response.Related.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("related batches:");
            WriteList(output, response.Related);
        }

        if (judged || response.Verdict != Verdict.Unspecified || response.Results.Count > 0)
        {
            output.WriteLine();
            WriteReadings(output, response.Verdict, response.Results);
        }
    }

    public static void WriteReadings(TextWriter output, Verdict verdict, IEnumerable<MeasurementResult> results)
    {
        output.WriteLine($"verdict: {Display.Outcome(verdict)}");
        var table = new Table("TYPE", "READING", "LIMIT", "SOURCE", "RESULT");
        foreach (var result in results)
        {
            table.Add(
                result.Measurement?.Type ?? "",
                Display.Reading(result.Measurement),
                result.Limit is null ? "none" : Display.Range(result.Limit),
                result.LimitSource,
                result.WithinLimit ? "ok" : "OUT OF LIMIT");
        }

        table.WriteTo(output, "(no readings)");
    }
}
