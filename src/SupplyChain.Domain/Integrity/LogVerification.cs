namespace SupplyChain.Domain.Integrity;

/// <summary>The outcome of recomputing a batch log's hash chain: sound, or the first version that breaks it and why.</summary>
public sealed record LogVerification(long EventsChecked, long HeadVersion, string HeadHash, long? FirstBadVersion, ChainBreak? Break, string Reason)
{
    public bool Ok => Break is null;
}
