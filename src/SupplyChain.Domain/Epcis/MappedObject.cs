using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Epcis;

/// <summary>What an EPCIS object identifier names in our terms: a lot, a serial item kept as a lot of one piece, or nothing we hold (with why).</summary>
public sealed record MappedObject(string Uri, BatchRef? Batch, bool IsSerial, string Reason)
{
    public static MappedObject Lot(string uri, BatchRef batch) => new(uri, batch, false, "");

    public static MappedObject Serial(string uri, BatchRef batch) => new(uri, batch, true, "");

    public static MappedObject Unmapped(string uri, string reason) => new(uri, null, false, reason);
}
