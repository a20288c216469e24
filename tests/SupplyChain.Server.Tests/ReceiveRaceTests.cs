using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Concurrent receipts of one shipment: exactly one takes custody.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReceiveRaceTests(ServerFixture fixture)
{
    [Fact]
    public async Task Fifty_concurrent_receipts_of_one_shipment_let_exactly_one_through()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        await world.ShipAsync(lot, world.Producer, world.Distributor);

        var attempts = Enumerable.Range(0, 50).Select(async i =>
        {
            try
            {
                await world.ReceiveAsync(lot, world.Distributor, 100 - i);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(49, results.Count(r => r == StatusCode.FailedPrecondition));
        var batch = await world.GetAsync(lot);
        Assert.Equal(3, batch.Version);
        Assert.Equal(world.Distributor, batch.CustodianGln);
    }
}
