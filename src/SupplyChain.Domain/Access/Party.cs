namespace SupplyChain.Domain.Access;

/// <summary>In whose name an act is done.</summary>
public enum Party
{
    /// <summary>By an administrator only, in no participant's name.</summary>
    AdminOnly = 1,

    /// <summary>In the caller's own GLN; an administrator's token is no exception.</summary>
    Own = 2,

    /// <summary>In the caller's own GLN; an administrator acts in anyone's.</summary>
    OwnOrAdminForAnyone = 3,

    /// <summary>For the caller's own GLN; a caller who reads everything asks for anyone's.</summary>
    OwnOrReaderForAnyone = 4,

    /// <summary>A read in no one's name: who may see it is its <see cref="Reach"/>.</summary>
    None = 5,

    /// <summary>On a thing the caller made (a named query, a subscription): its maker, or an administrator.</summary>
    MakerOrAdmin = 6,
}
