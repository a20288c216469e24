namespace SupplyChain.Domain.Access;

/// <summary>What a read shows, and to whom.</summary>
public enum Reach
{
    /// <summary>A write: it reads nothing beyond its own reply.</summary>
    Write = 1,

    /// <summary>Registered participants, products and chain definitions: every authenticated caller.</summary>
    Registry = 2,

    /// <summary>A batch and its history, traces and exports: the parties it passed through, auditors and administrators.</summary>
    BatchParties = 3,

    /// <summary>A chain's report and alerts: the participants of its stages, auditors and administrators.</summary>
    ChainMembers = 4,

    /// <summary>A lot's public fields (product, producer, origin, verdicts): anyone, without a token.</summary>
    PublicFields = 5,

    /// <summary>What names the caller's own GLN (its batch listing, its alerts); readers of everything name anyone.</summary>
    OwnListing = 6,
}
