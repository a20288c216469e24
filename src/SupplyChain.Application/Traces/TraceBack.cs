using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Products;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Application.Traces;

/// <summary>A backward trace with the products and producers of the batches it reached.</summary>
public sealed record TraceBack(Genealogy Genealogy, int MaxDepth, IReadOnlyDictionary<Gtin, Product> Products, IReadOnlyDictionary<Gln, Participant> Producers);
