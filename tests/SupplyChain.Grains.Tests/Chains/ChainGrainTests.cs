using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using SupplyChain.Domain;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Chains;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Grains;
using SupplyChain.Abstractions.Chains;
using SupplyChain.Grains.Chains;
using SupplyChain.Grains.Tests.Fixture;

namespace SupplyChain.Grains.Tests.Chains;

[Collection(GrainsCollection.Name)]
public sealed class ChainGrainTests(ClusterFixture fixture)
{
    private const string Missing = "no temperature reading at handoff into stage 'cold-store'";

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Farm, then a cold store that wants a temperature at handoff, then retail.</summary>
    private static ChainDefinition Chain(Supply supply, string chainId, string name = "Northern tea") => ChainDefinition.Create(
        chainId,
        name,
        [
            new Stage("farm", [supply.Producer], [], []),
            new Stage("cold-store", [supply.Distributor], [Limit.Parse("temperature", 0, 5, "CEL", "stages[1].limits[0]")], ["temperature"]),
            new Stage("retail", [supply.Retailer], [], []),
        ],
        48);

    private async Task<(Supply Supply, IChainGrain Chain, string ChainId)> DefinedAsync()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var chainId = Fresh.ChainId();
        var chain = fixture.Client.GetGrain<IChainGrain>(chainId);
        await chain.DefineAsync(Chain(supply, chainId));
        return (supply, chain, chainId);
    }

    private static IReadOnlyList<BatchRef> At(ChainReport report, string stage) => report.Stages.Single(s => s.Name == stage).Batches;

    [Fact]
    public async Task Defining_the_same_chain_again_is_a_no_op_and_another_definition_is_refused()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var chainId = Fresh.ChainId();
        var grain = fixture.Client.GetGrain<IChainGrain>(chainId);

        var first = await grain.DefineAsync(Chain(supply, chainId));
        var again = await grain.DefineAsync(Chain(supply, chainId));
        await Refusals.ExpectAsync(Refusal.AlreadyExists, () => grain.DefineAsync(Chain(supply, chainId, "Southern tea")), chainId);

        Assert.Equal(first.DefinedAt, again.DefinedAt);
        Canonical.Same(first, await grain.GetAsync(), "the stored chain");
    }

    [Fact]
    public async Task A_chain_naming_an_unregistered_participant_is_refused()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var stranger = Fresh.Gln();
        var chainId = Fresh.ChainId();
        var chain = ChainDefinition.Create(chainId, "Northern tea", [new Stage("farm", [supply.Producer, stranger], [], [])], 48);

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => fixture.Client.GetGrain<IChainGrain>(chainId).DefineAsync(chain), stranger.Value);

        Assert.Null(await fixture.Client.GetGrain<IChainGrain>(chainId).GetAsync());
    }

    [Fact]
    public async Task A_batch_of_an_undefined_chain_is_refused()
    {
        var supply = await Supply.RegisterAsync(fixture.Client);
        var chainId = Fresh.ChainId();
        var batch = supply.NewLot();

        await Refusals.ExpectAsync(Refusal.FailedPrecondition, () => supply.Batch(batch).CreateAsync(supply.Create(batch, 5m, chainId)), chainId);

        Assert.Null(await supply.Batch(batch).GetAsync());
    }

    [Fact]
    public async Task A_batch_moves_from_stage_to_stage_through_transit_and_a_missing_reading_is_a_violation()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var batch = await supply.ProduceAsync(80m, chainId);

        var produced = await chain.GetReportAsync();
        Assert.Equal([batch], At(produced, "farm"));
        Assert.Empty(At(produced, "cold-store"));
        Assert.Empty(produced.InTransit);
        Assert.Equal(1, produced.BatchCount);

        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));
        var shipped = await chain.GetReportAsync();
        Assert.Empty(At(shipped, "farm"));
        Assert.Empty(At(shipped, "cold-store"));
        var transit = Assert.Single(shipped.InTransit);
        Assert.Equal((batch, supply.Producer, supply.Distributor, false), (transit.Batch, transit.From, transit.To, transit.Late));
        Assert.Empty(shipped.Violations);

        var received = await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Distributor));
        Assert.Equal([Missing], Assert.IsType<BatchReceived>(received.Event.Event).MissingReadings);
        var report = await chain.GetReportAsync();
        Assert.Empty(At(report, "farm"));
        Assert.Equal([batch], At(report, "cold-store"));
        Assert.Empty(report.InTransit);
        Assert.Equal(1, report.Stages.Single(s => s.Name == "farm").Completed);
        var violation = Assert.Single(report.Violations);
        Assert.Equal((batch, "cold-store", Missing, 3L), (violation.Batch, violation.Stage, violation.Description, violation.Version));
        Assert.Equal(["farm", "cold-store", "retail"], report.Stages.Select(s => s.Name));
    }

    [Fact]
    public async Task A_receive_with_the_required_reading_within_limits_is_no_violation()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var batch = await supply.ProduceAsync(80m, chainId);
        await supply.Batch(batch).ShipAsync(supply.Ship(batch, supply.Producer, supply.Distributor));

        await supply.Batch(batch).ReceiveAsync(supply.Receive(batch, supply.Distributor, null, Supply.Reading("temperature", 4m, "CEL")));

        var report = await chain.GetReportAsync();
        Assert.Equal([batch], At(report, "cold-store"));
        Assert.Empty(report.Violations);
    }

    [Fact]
    public async Task Split_children_join_the_chain_and_a_fully_split_parent_leaves_it()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var parent = await supply.ProduceAsync(10m, chainId);
        var a = supply.NewLot();
        var b = supply.NewLot();

        await supply.Batch(parent).SplitAsync(new SplitBatch(Fresh.EventId(), parent, supply.Producer, [new BatchPart(a, Supply.Kg(4m)), new BatchPart(b, Supply.Kg(6m))], supply.Producer, null));

        var report = await chain.GetReportAsync();
        Assert.Equal(new[] { a, b }.OrderBy(r => r.Key, StringComparer.Ordinal), At(report, "farm"));
        Assert.Equal(3, report.BatchCount);
        Assert.Equal((chainId, chainId), ((await supply.Batch(a).GetAsync())?.ChainId, (await supply.Batch(b).GetAsync())?.ChainId));
    }

    [Fact]
    public async Task An_input_taken_back_out_of_a_refused_merge_is_on_the_chain_again()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var a = await supply.ProduceAsync(10m, chainId);
        var held = await supply.ProduceAsync(20m, chainId);
        await supply.FailFoodSafetyAsync(held);
        var output = supply.NewLot();
        await Refusals.ExpectAsync(
            Refusal.FailedPrecondition,
            () => supply.Batch(output).MergeAsync(new MergeBatches(Fresh.EventId(), [a, held], output, supply.Producer, supply.Producer, null)));
        Assert.Equal(BatchStatus.Active, (await supply.Batch(a).GetAsync())?.Status);

        var report = await chain.GetReportAsync();

        Assert.True(
            At(report, "farm").Contains(a),
            $"expected batch {a}, active again after the refused merge, at stage 'farm'; the farm lists [{string.Join(", ", At(report, "farm"))}]");
        Assert.Equal(new[] { a, held }.OrderBy(r => r.Key, StringComparer.Ordinal), At(report, "farm"));
    }

    [Fact]
    public async Task A_chain_carrying_more_batches_than_a_table_row_holds_keeps_every_one_across_a_restart()
    {
        // The ledger was once one grain state row (at most 1 MB): it refused its 2,650th batch.
        var (supply, chain, chainId) = await DefinedAsync();
        var lots = Enumerable.Range(0, 3000).Select(_ => supply.NewLot()).ToList();
        foreach (var lot in lots)
        {
            await chain.RecordAsync(new ChainMovement(lot, 1, T0, MovementKind.Joined, supply.Producer, null, []));
        }

        await chain.RecordAsync(new ChainMovement(lots[0], 2, T0.AddHours(5), MovementKind.Shipped, supply.Producer, supply.Distributor, []));
        await chain.RecordAsync(new ChainMovement(lots[1], 2, T0.AddHours(1), MovementKind.Checked, supply.Producer, null, ["moisture 14 % is above the maximum 12 %"]));
        var report = await chain.GetReportAsync();

        await using var second = await fixture.StartClusterAsync();
        var again = await second.Client.GetGrain<IChainGrain>(chainId).GetReportAsync();

        Assert.Equal(3000, report.BatchCount);
        Assert.Equal((2999, Bounds.ChainReportListed), (report.Stages[0].Here, At(report, "farm").Count));
        Assert.Equal((1, 5.0), (report.Stages[0].Completed, report.Stages[0].MeanHours));
        Assert.Equal(lots[1], Assert.Single(report.Violations).Batch);
        Canonical.Same(report, again, "the report of the second cluster");
    }

    [Fact]
    public async Task The_newest_violations_are_kept_across_a_restart_and_a_repeated_movement_adds_none()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var lot = supply.NewLot();
        await chain.RecordAsync(new ChainMovement(lot, 1, T0, MovementKind.Joined, supply.Producer, null, []));
        for (var version = 2; version <= 4; version++)
        {
            var violations = Enumerable.Range(0, 450).Select(i => $"v{version}.{i}").ToList();
            var movement = new ChainMovement(lot, version, T0.AddHours(version), MovementKind.Checked, supply.Producer, null, violations);
            await chain.RecordAsync(movement);
            await chain.RecordAsync(movement);
        }

        var report = await chain.GetReportAsync();
        await using var second = await fixture.StartClusterAsync();
        var again = await second.Client.GetGrain<IChainGrain>(chainId).GetReportAsync();

        Assert.Equal(ChainLedger.MaxViolations, report.Violations.Count);
        Assert.Equal(("v2.350", "v4.449"), (report.Violations[0].Description, report.Violations[^1].Description));
        Canonical.Same(report, again, "the report of the second cluster");
    }

    [Fact]
    public async Task A_ledger_kept_in_the_grain_state_by_an_earlier_version_is_moved_to_the_ledger_table()
    {
        var (supply, chain, chainId) = await DefinedAsync();
        var definition = (await chain.GetAsync())!.Chain;
        var legacy = new ChainLedger();
        var (a, b) = (supply.NewLot(), supply.NewLot());
        legacy.Apply(definition, new ChainMovement(a, 1, T0, MovementKind.Joined, supply.Producer, null, []));
        legacy.Apply(definition, new ChainMovement(b, 1, T0, MovementKind.Joined, supply.Producer, null, []));
        legacy.Apply(definition, new ChainMovement(a, 2, T0.AddHours(3), MovementKind.Shipped, supply.Producer, supply.Distributor, []));
        legacy.Apply(definition, new ChainMovement(a, 3, T0.AddHours(9), MovementKind.Received, supply.Distributor, null, [Missing]));
        var expected = ChainReport.Of(definition, legacy, DateTimeOffset.UtcNow);

        // Store the chain as an earlier version did: the ledger inside the grain state.
        await fixture.Cluster.DeactivateAsync(chain);
        var grainId = ((GrainReference)chain).GrainId;
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<ChainState>();
        await storage.ReadStateAsync("chain", grainId, stored);
        stored.State!.Ledger = legacy;
        await storage.WriteStateAsync("chain", grainId, stored);

        var report = await chain.GetReportAsync();
        var after = new GrainState<ChainState>();
        await storage.ReadStateAsync("chain", grainId, after);
        await using var second = await fixture.StartClusterAsync();
        var again = await second.Client.GetGrain<IChainGrain>(chainId).GetReportAsync();

        Canonical.Same(expected, report, "the report of the moved ledger");
        Assert.Empty(after.State!.Ledger.Batches);
        Assert.NotNull(after.State.Chain);
        Canonical.Same(expected, again, "the report of the second cluster");
    }
}
