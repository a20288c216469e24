using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SupplyChain.Cli.Auth;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>An oversized bearer token is refused on its own call; other streams on the same connection carry on.</summary>
[Collection(ServerCollection.Name)]
public sealed class HeaderLimitTests(ServerFixture fixture)
{
    [Theory]
    [InlineData(30)]
    [InlineData(100)]
    [InlineData(180)]
    public async Task A_validly_signed_oversized_token_is_unauthenticated_and_a_watch_on_the_same_channel_keeps_working(int kilobytes)
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{fixture.Server.GrpcPort}");
        var auditor = channel.Intercept(new BearerToken(DevTokens.Mint(fixture.Server.Key, null, ["auditor"], TimeSpan.FromMinutes(10))));
        using var watch = new TraceService.TraceServiceClient(auditor).WatchAlerts(new WatchAlertsRequest { ParticipantGln = world.Producer }, deadline: DateTime.UtcNow.AddMinutes(1));
        await watch.ResponseHeadersAsync;

        var token = Padded(fixture.Server.Key, world.Producer, kilobytes * 1024 * 3 / 4);
        Assert.InRange(token.Length, kilobytes * 1024, (kilobytes + 1) * 1024);
        var oversized = new ParticipantService.ParticipantServiceClient(channel.Intercept(new BearerToken(token)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => oversized.GetParticipantAsync(new GetParticipantRequest { Gln = world.Producer }).ResponseAsync);

        Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"expected Unauthenticated, got {refused.StatusCode}: {refused.Status.Detail}");
        Assert.Contains("at most 16384 are accepted", refused.Status.Detail, StringComparison.Ordinal);
        await new ParticipantService.ParticipantServiceClient(auditor).GetParticipantAsync(new GetParticipantRequest { Gln = world.Producer });
        await fixture.Batches.PlaceHoldAsync(new HoldRequest { EventId = Ids.EventId(), Gtin = world.Gtin, Lot = lot, AuditorGln = world.Auditor, Reason = "header limit test" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token), "the watch ended instead of delivering the hold alert");
        Assert.Equal((AlertKind.Held, lot), (watch.ResponseStream.Current.Kind, watch.ResponseStream.Current.Batch.Lot));
    }

    /// <summary>A token signed with the server's key whose claims carry <paramref name="padding"/> characters.</summary>
    private static string Padded(byte[] key, string gln, int padding)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = DevTokens.Issuer,
            Audience = DevTokens.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", gln), new Claim(DevTokens.GlnClaim, gln), new Claim(DevTokens.RolesClaim, "producer"), new Claim("pad", new string('p', padding))]),
            IssuedAt = now,
            NotBefore = now.AddSeconds(-1),
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
