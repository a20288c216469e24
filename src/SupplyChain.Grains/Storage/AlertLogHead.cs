using Azure;

namespace SupplyChain.Grains.Storage;

/// <summary>An audience's alert log head row as read or written: the last id given, acknowledged through which id, and its ETag (null before the first alert).</summary>
public sealed record AlertLogHead(long LastId, long AcknowledgedThrough, ETag? ETag);
