namespace SupplyChain.Domain.Integrity;

/// <summary>Why a stored batch log fails verification.</summary>
public enum ChainBreak
{
    /// <summary>The stored hash is not the SHA-256 of the previous hash and the stored text.</summary>
    HashMismatch = 1,

    /// <summary>The event's previous hash is not the hash of the event before it.</summary>
    PreviousHashDoesNotLink = 2,

    /// <summary>An event is missing, or a row names no version.</summary>
    VersionGap = 3,

    /// <summary>The stored text is missing or is not an event.</summary>
    ContentDoesNotParse = 4,

    /// <summary>The head row does not name the last event's version and hash.</summary>
    HeadDoesNotMatch = 5,

    /// <summary>The stored text is an event of another batch or another version.</summary>
    ContentMisplaced = 6,
}
