using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>ListBatches page tokens are checked: one the server never issued, or issued for another list, is refused rather than read as the end.</summary>
[Collection(ServerCollection.Name)]
public sealed class PageTokenTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_forged_or_foreign_page_token_is_invalid_argument_naming_page_token()
    {
        var world = await new World(fixture).RegisterAsync();
        foreach (var lot in new[] { Ids.Lot(), Ids.Lot(), Ids.Lot() })
        {
            await world.CreateBatchAsync(lot);
        }

        var first = await fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = world.Producer, Listing = BatchListing.Produced, PageSize = 2 });
        Assert.Equal(2, first.Batches.Count);
        Assert.NotEqual("", first.NextPageToken);

        var cases = new (string What, string Participant, BatchListing Listing, string Token)[]
        {
            ("a storage continuation made up by the client", world.Producer, BatchListing.Produced, "1!20!ODkzMTIzNDUwMDEwOA-- 1!4!MDAwMA--"),
            ("garbage", world.Producer, BatchListing.Produced, "next-please"),
            ("another participant's list", world.Distributor, BatchListing.Produced, first.NextPageToken),
            ("another listing", world.Producer, BatchListing.Held, first.NextPageToken),
        };
        foreach (var (what, participant, listing, token) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = participant, Listing = listing, PageSize = 2, PageToken = token }).ResponseAsync);
            Assert.True(refused.StatusCode == StatusCode.InvalidArgument, $"{what}: expected InvalidArgument, got {refused.StatusCode} {refused.Status.Detail}");
            Assert.StartsWith("page_token:", refused.Status.Detail, StringComparison.Ordinal);
        }

        var rest = await fixture.Batches.ListBatchesAsync(new ListBatchesRequest { ParticipantGln = world.Producer, Listing = BatchListing.Produced, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Single(rest.Batches);
        Assert.Equal("", rest.NextPageToken);
    }
}
