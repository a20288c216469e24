namespace SupplyChain.Domain.Epcis.Query;

/// <summary>The CBV 2.0 disposition words, for reading bare words in EQ_disposition.</summary>
public static class CbvDispositions
{
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(StringComparer.Ordinal)
    {
        "active", "available", "completeness_verified", "completeness_inferred", "conformant", "container_closed",
        "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired", "in_progress",
        "in_transit", "inactive", "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement",
        "no_pedigree_match", "non_conformant", "non_sellable_other", "partially_dispensed", "recalled", "reserved",
        "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unavailable", "unknown",
    };
}
