using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Access;

/// <summary>One row of the rulebook: who may do an act (<see cref="Roles"/> null: any caller), in whose name, and what it shows.</summary>
/// <param name="What">The act in words, as refusals name it.</param>
public sealed record Rule(Act Act, string What, IReadOnlyList<Role>? Roles, Party Party, Reach Reach)
{
    /// <summary>Whether holding these roles lets one do the act (an act for any caller lets everyone).</summary>
    public bool AllowsAny(IEnumerable<Role> roles) => Roles is null || roles.Any(Roles.Contains);
}
