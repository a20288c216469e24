using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>A distribution chain knows where its batches are and which requirement was missed.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChainTests(ServerFixture fixture)
{
    [Fact]
    public async Task The_report_follows_batches_through_stages_and_lists_missed_requirements()
    {
        var world = await new World(fixture).RegisterAsync();
        var chainId = "salt-" + Ids.Lot().ToLowerInvariant();
        var chain = await fixture.Chains.DefineChainAsync(new DefineChainRequest
        {
            ChainId = chainId, Name = "Bac Lieu salt to Ho Chi Minh City", MaxTransitHours = 48,
            Stages =
            {
                new Stage { Name = "production", ParticipantGlns = { world.Producer } },
                new Stage
                {
                    Name = "distribution", ParticipantGlns = { world.Distributor },
                    Limits = { new Limit { Type = "temperature", Max = 35, Unit = "CEL" } }, RequiredAtHandoff = { "humidity" },
                },
                new Stage { Name = "retail", ParticipantGlns = { world.Retailer } },
            },
        });
        Assert.Equal(3, chain.Stages.Count);

        var (a, b) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, chainId: chainId);
        await world.CreateBatchAsync(b, chainId: chainId);
        await world.ShipAsync(a, world.Producer, world.Distributor);
        var received = await world.ReceiveAsync(a, world.Distributor, null, new Measurement { Type = "temperature", Value = 38, Unit = "CEL" });
        Assert.Equal(Verdict.Fail, received.Verdict);
        Assert.Equal("chain:distribution", Assert.Single(received.Results).LimitSource);
        await world.ShipAsync(b, world.Producer, world.Distributor);

        var report = await fixture.Chains.GetChainReportAsync(new GetChainRequest { ChainId = chainId });
        Assert.Equal(2, report.BatchCount);
        Assert.Equal(["production", "distribution", "retail"], report.Stages.Select(s => s.Name).ToArray());
        Assert.Empty(report.Stages[0].Batches);
        Assert.Equal(2, report.Stages[0].Completed);
        Assert.Equal(a, Assert.Single(report.Stages[1].Batches).Lot);
        Assert.Equal((0, 1, 1), (report.Stages[0].BatchesHere, report.Stages[1].BatchesHere, report.InTransitCount));
        var transit = Assert.Single(report.InTransit);
        Assert.Equal(b, transit.Batch.Lot);
        Assert.Equal(world.Distributor, transit.ToGln);
        Assert.False(transit.Late);
        Assert.Equal(2, report.Violations.Count);
        Assert.Contains(report.Violations, v => v.Description.Contains("temperature 38 CEL is above the maximum 35 CEL", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Description.Contains("no humidity reading at handoff into stage 'distribution'", StringComparison.Ordinal));
        Assert.All(report.Violations, v => Assert.Equal("distribution", v.Stage));
    }

    [Fact]
    public async Task Chains_refuse_unknown_participants_and_batches_refuse_unknown_chains()
    {
        var world = await new World(fixture).RegisterAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Chains.DefineChainAsync(new DefineChainRequest
        {
            ChainId = "c-" + Ids.Lot().ToLowerInvariant(), Name = "x", Stages = { new Stage { Name = "p", ParticipantGlns = { Ids.Gln() } } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => fixture.Chains.GetChainAsync(new GetChainRequest { ChainId = "Bad Id" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var none = await Assert.ThrowsAsync<RpcException>(() => world.CreateBatchAsync(Ids.Lot(), chainId: "no-such-chain"));
        Assert.Equal(StatusCode.FailedPrecondition, none.StatusCode);
        Assert.Contains("no-such-chain", none.Status.Detail, StringComparison.Ordinal);
    }
}
