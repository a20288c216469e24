using Azure;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Traces;

namespace SupplyChain.Grains.Storage;

/// <summary>
/// A batch's head row as read, with the ETag that a write out or a claim must match. <see cref="SettledFrom"/> is the
/// first of the events a journal sweep wrote out without their batch (0: none), whose alerts the batch stores again.
/// </summary>
public sealed record BatchHead(BatchState? State, BatchTrail? Trail, bool Chunked, string Writer, ETag ETag, long SettledFrom = 0);
