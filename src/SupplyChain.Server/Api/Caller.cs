using System.Collections.Frozen;
using System.Security.Claims;
using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Server.Api;

/// <summary>
/// Who is calling, from the validated bearer token: the participant's GLN (absent for an administrator acting as no
/// participant) and the roles the token grants. Request fields never say who acts: they must name the caller or be empty.
/// </summary>
public sealed record Caller(string Subject, Gln? Gln, IReadOnlySet<Role> Roles, bool Admin)
{
    private const string Key = "supplychain.caller";

    /// <summary>The roles that move goods or record production: they may hold batches.</summary>
    public static readonly Role[] Operators = { Role.Producer, Role.Processor, Role.Distributor, Role.Retailer };

    /// <summary>The operators and labs: those who record production and environmental checkpoints.</summary>
    public static readonly Role[] Recorders = { Role.Producer, Role.Processor, Role.Distributor, Role.Retailer, Role.Lab };

    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    /// <summary>Each role by its name in a token's roles claim.</summary>
    private static readonly FrozenDictionary<string, Role> RoleNames = AllRoles.ToFrozenDictionary(r => r.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>An auditor or an administrator: reads every batch.</summary>
    public bool ReadsAll => Admin || Roles.Contains(Role.Auditor);

    public static Caller FromClaims(ClaimsPrincipal user, string glnClaim, string rolesClaim)
    {
        var subject = user.FindFirst("sub")?.Value ?? "";
        var glnText = user.FindFirst(glnClaim)?.Value;
        Gln? gln = null;
        if (glnText is { Length: > 0 })
        {
            try
            {
                gln = Domain.Identifiers.Gln.Parse(glnText, "token gln claim");
            }
            catch (DomainException e)
            {
                throw new RpcException(new Status(StatusCode.Unauthenticated, $"the token's {glnClaim} claim is not a GLN: {e.Message}"));
            }
        }

        var named = 0;
        var admin = false;
        foreach (var claim in user.FindAll(rolesClaim))
        {
            var name = claim.Value.Trim().ToLowerInvariant();
            if (RoleNames.TryGetValue(name, out var role))
            {
                named |= 1 << (int)role;
            }

            admin |= name == "admin";
        }

        // In the enum's order, whatever the claims' order, as messages list them.
        var roles = new HashSet<Role>();
        foreach (var role in AllRoles)
        {
            if ((named & (1 << (int)role)) != 0)
            {
                roles.Add(role);
            }
        }

        return new Caller(subject.Length > 0 ? subject : gln?.Value ?? "", gln, roles, admin);
    }

    /// <summary>The caller of a call the access check admitted.</summary>
    public static Caller Of(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : throw new InvalidOperationException($"call {context.Method} reached its service without an access check");

    internal void Attach(ServerCallContext context) => context.UserState[Key] = this;

    /// <summary>The caller's GLN, which a request field must repeat or leave empty; another party's GLN is refused.</summary>
    public string Acting(string field, string requested)
    {
        if (Gln is not { } own)
        {
            throw DomainException.Denied($"{field}: the token names no participant (it has no GLN claim); only a participant's token acts on batches");
        }

        if (requested.Trim().Length == 0)
        {
            return own.Value;
        }

        var named = Domain.Identifiers.Gln.Parse(requested, field);
        return named == own
            ? own.Value
            : throw DomainException.Denied($"{field} {named} is another party: the token is for {own}, and a participant acts only in its own name");
    }

    /// <summary>Refuses the call unless the token has one of the roles; then the acting-party field, as <see cref="Acting"/> reads it.</summary>
    public string Acts(string what, Role[] roles, string field, string requested)
    {
        Require(what, roles);
        return Acting(field, requested);
    }

    /// <summary>Refuses the call unless the token has one of the roles.</summary>
    public void Require(string what, params Role[] any)
    {
        if (!HasAny(any))
        {
            throw DomainException.Denied($"{what} needs the role {string.Join(" or ", any.Select(r => r.ToString().ToLowerInvariant()))}; the token has {Words(Roles)}{(Admin ? " admin" : "")}");
        }
    }

    /// <summary>Refuses the call unless the caller is an administrator.</summary>
    public void RequireAdmin(string what)
    {
        if (!Admin)
        {
            throw DomainException.Denied($"{what} needs the role admin; the token has {Words(Roles)}");
        }
    }

    private bool HasAny(Role[] any)
    {
        foreach (var role in any)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    private static string Words(IEnumerable<Role> roles) =>
        roles.Any() ? string.Join(", ", roles.Select(r => r.ToString().ToLowerInvariant())) : "no role";
}
