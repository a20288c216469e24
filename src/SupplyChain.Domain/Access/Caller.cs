using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Domain.Access;

/// <summary>
/// Who asks, as a door established it: the participant's GLN (absent for an administrator acting as no participant or
/// for an anonymous reader) and the roles granted. Requests never say who acts: they name the caller or leave it empty.
/// </summary>
public sealed record Caller(string Subject, Gln? Gln, IReadOnlySet<Role> Roles, bool Admin)
{
    /// <summary>Someone with no token, as a consumer scanning a pack.</summary>
    public static Caller Anonymous { get; } = new("", null, new HashSet<Role>(), false);

    /// <summary>Whether a door established who this is (an anonymous reader has no subject, GLN or role).</summary>
    public bool Authenticated => Subject.Length > 0 || Gln is not null || Roles.Count > 0 || Admin;

    /// <summary>The caller as refusals name it.</summary>
    public string Name => Gln?.Value ?? Subject;
}
