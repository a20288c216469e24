using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;

namespace SupplyChain.Domain.Epcis;

/// <summary>
/// One row of the FSMA 204 spreadsheet: a critical tracking event of one lot with its key data elements, and the
/// stored event's id, version and chained hash so the row can be checked against the batch's history.
/// </summary>
public sealed record TraceabilityRecord(
    BatchRef Batch,
    string ProductDescription,
    Quantity? Quantity,
    Gln Location,
    DateTimeOffset Date,
    string EventType,
    string Detail,
    Gln? ShipFrom,
    Gln? ShipTo,
    IReadOnlyList<BatchRef> RelatedLots,
    string ReferenceDocumentType,
    string ReferenceDocument,
    string EventId,
    long Version,
    string Hash)
{
    /// <summary>The traceability lot code as a GS1 element string: (01){gtin}(10){lot}.</summary>
    public string TraceabilityLotCode => LotCode(Batch);

    public static string LotCode(BatchRef batch) => $"(01){batch.Gtin.Value}(10){batch.Lot}";
}
