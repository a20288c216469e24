using SupplyChain.Domain.Identifiers;

namespace SupplyChain.Domain.Participants;

/// <summary>What a participant does in the supply chain.</summary>
public enum Role
{
    Producer = 1,
    Processor = 2,
    Distributor = 3,
    Retailer = 4,
    Lab = 5,
    Auditor = 6,
}

/// <summary>The legal form of an OCOP producer.</summary>
public enum ProducerKind
{
    None = 0,
    Cooperative = 1,
    Enterprise = 2,
    Household = 3,
}

/// <summary>An organisation identified by its GLN.</summary>
[GenerateSerializer, Immutable]
[Alias("SupplyChain.Participant")]
public sealed record Participant(
    [property: Id(0)] Gln Gln,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Role> Roles,
    [property: Id(3)] string Province,
    [property: Id(4)] string District,
    [property: Id(5)] string Commune,
    [property: Id(6)] ProducerKind Kind)
{
    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Checks the details and puts roles in a fixed order.</summary>
    public static Participant Create(Gln gln, string? name, IEnumerable<Role> roles, string? province, string? district, string? commune, ProducerKind kind)
    {
        var roleList = roles.Distinct().Order().ToList();
        if (roleList.Count == 0)
        {
            throw DomainException.Invalid("roles", "at least one role is required");
        }

        if (roleList.Any(r => !Enum.IsDefined(r)))
        {
            throw DomainException.Invalid("roles", "contains an unknown role");
        }

        if (!Enum.IsDefined(kind))
        {
            throw DomainException.Invalid("kind", "is not a known producer kind");
        }

        if (kind != ProducerKind.None && !roleList.Contains(Role.Producer))
        {
            throw DomainException.Invalid("kind", "only producers have a producer kind");
        }

        return new Participant(
            gln,
            Text.Required(name, "name"),
            roleList,
            Text.Optional(province, "province", Bounds.PlaceNameLength),
            Text.Optional(district, "district", Bounds.PlaceNameLength),
            Text.Optional(commune, "commune", Bounds.PlaceNameLength),
            kind);
    }

    /// <summary>Same details as another registration (re-registering them is a no-op).</summary>
    public bool SameAs(Participant other) =>
        Gln == other.Gln && Name == other.Name && Roles.SequenceEqual(other.Roles) && Province == other.Province
        && District == other.District && Commune == other.Commune && Kind == other.Kind;
}
