using System.Collections.Frozen;
using System.Security.Claims;
using Grpc.Core;
using SupplyChain.Domain;
using SupplyChain.Domain.Access;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Participants;

namespace SupplyChain.Server.Api;

/// <summary>The caller of a gRPC call, read from its validated bearer token and kept with the call for the services.</summary>
public static class CallerClaims
{
    private const string Key = "supplychain.caller";

    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    /// <summary>Each role by its name in a token's roles claim.</summary>
    private static readonly FrozenDictionary<string, Role> RoleNames = AllRoles.ToFrozenDictionary(r => r.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    public static Caller Read(ClaimsPrincipal user, string glnClaim, string rolesClaim)
    {
        var subject = user.FindFirst("sub")?.Value ?? "";
        var glnText = user.FindFirst(glnClaim)?.Value;
        Gln? gln = null;
        if (glnText is { Length: > 0 })
        {
            try
            {
                gln = Gln.Parse(glnText, "token gln claim");
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

    internal static void Attach(Caller caller, ServerCallContext context) => context.UserState[Key] = caller;
}
