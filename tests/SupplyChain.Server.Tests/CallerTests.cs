extern alias server;

using System.Security.Claims;
using SupplyChain.Domain;
using SupplyChain.Domain.Participants;
using SupplyChain.Domain.Access;
using CallerClaims = server::SupplyChain.Server.Api.CallerClaims;

namespace SupplyChain.Server.Tests;

/// <summary>The caller read from a validated token's claims, without a server.</summary>
public sealed class CallerTests
{
    [Fact]
    public void Roles_are_read_in_any_case_and_order_and_listed_in_the_enum_s_order()
    {
        var caller = CallerClaims.Read(Principal(("sub", "s-1"), ("gln", "8930000000019"), ("roles", " Lab"), ("roles", "PRODUCER"), ("roles", "lab"), ("roles", "pilot")), "gln", "roles");

        Assert.Equal("s-1", caller.Subject);
        Assert.Equal("8930000000019", caller.Gln?.Value);
        Assert.Equal([Role.Producer, Role.Lab], caller.Roles);
        Assert.False(caller.Admin);
        var refused = Assert.Throws<DomainException>(() => Rulebook.Permit(caller, Act.Recall));
        Assert.Equal("a recall needs the role auditor; the token has producer, lab", refused.Message);
    }

    [Fact]
    public void An_administrator_with_no_participant_is_named_by_its_subject_and_has_no_role()
    {
        var caller = CallerClaims.Read(Principal(("sub", "ops"), ("roles", "Admin ")), "gln", "roles");

        Assert.Equal(("ops", null, true), (caller.Subject, caller.Gln, caller.Admin));
        Assert.Empty(caller.Roles);
        Rulebook.Permit(caller, Act.RegisterParticipant);
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer"));
}
