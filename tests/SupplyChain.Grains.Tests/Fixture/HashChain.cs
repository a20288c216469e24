using SupplyChain.Domain.Batches;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Tests.Fixture;

/// <summary>Checks a batch history the way an auditor would: versions in order, each hash recomputed from its text.</summary>
internal static class HashChain
{
    public static void Verify(IReadOnlyList<StoredEvent> history)
    {
        var previous = "";
        for (var i = 0; i < history.Count; i++)
        {
            var recorded = history[i].Recorded;
            Assert.True(recorded.Version == i + 1, $"expected event {i} to be version {i + 1}, got {recorded.Version}");
            Assert.True(recorded.PreviousHash == previous, $"expected version {recorded.Version} to link to '{previous}', it links to '{recorded.PreviousHash}'");
            var hash = EventHash.Chain(recorded.PreviousHash, history[i].CanonicalJson);
            Assert.True(recorded.Hash == hash, $"expected version {recorded.Version} to hash to {hash} from its canonical text, stored {recorded.Hash}");
            previous = recorded.Hash;
        }
    }
}
