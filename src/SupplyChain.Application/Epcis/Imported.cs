using SupplyChain.Domain.Epcis;
using SupplyChain.Abstractions.Batches;

namespace SupplyChain.Application.Epcis;

/// <summary>A captured document and each command it made, in document order, with the grain's reply.</summary>
public sealed record Imported(EpcisCapture Capture, IReadOnlyList<(ImportStep Step, BatchReply Reply)> Applied);
