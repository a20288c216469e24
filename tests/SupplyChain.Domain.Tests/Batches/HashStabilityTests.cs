using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

/// <summary>
/// Hashes of stored events are pinned: a change to the canonical form (a new event type, a renamed property, other
/// options) must leave every event already stored with the hash it was stored with, or verification would fail.
/// </summary>
public sealed class HashStabilityTests
{
    private static readonly DateTimeOffset RecordedAt = new(2025, 6, 1, 2, 30, 15, TimeSpan.Zero);

    private static readonly BatchRecalled Recalled = new("recall-1~recall7", Sample.Auditor, Sample.Auditor, RecordedAt, "recall-1", Sample.Lot("ROOT"), "lead above limit");

    public static TheoryData<string, string> Pinned => new()
    {
        { "Created", "c9ec7b9ff2da22c130dd102de053b138547128424cdba09f6de0effb92a83050" },
        { "Checkpoint", "19eeb9dbcc8c31f62ffaf4945f7427c94761a11ca2eb590cfe8684f2e67480be" },
        { "CheckpointWithoutCertificate", "1a06a830cc41563c15c0d7abf081be7253d4393c4b62c7214842ffce19d8d581" },
        { "Shipped", "1f1ffc2c994397401d7e8526f1aa5b87d4e65ae013fa089be1ec6c9382a0316a" },
        { "Received", "7dfcd77f2afd50805c3cf6f7dda47d4633f6a14c8b8c4079bba613cb9b7d2715" },
        { "Rejected", "96a2dbc98e0c38495d146e397d84792eaed4d26cec4e3335ddce55d74274acf4" },
        { "Split", "eb9e5f67f6982edce274f3043b9cc8c6ad850b6afcf1bc2fb8acb64e60ed66c6" },
        { "Merged", "b9bab1e83f113748fc5197970a1215350d18a97a7468d4b76e50c55beecb55ff" },
        { "Reverted", "399e9b61b3b887c64f674637e6d463af3d03be1d27a97e72fa888f184ae4604c" },
    };

    private static string Hash(BatchEvent e) => EventHash.Record(Sample.Lot("L1"), 3, "prev", RecordedAt, e).Event.Hash;

    [Theory]
    [MemberData(nameof(Pinned))]
    public void Events_of_every_older_type_keep_their_hash(string name, string hash)
    {
        Assert.Equal(hash, Hash(Events.ByName[name]));
    }

    [Fact]
    public void A_recall_keeps_its_hash()
    {
        Assert.Equal("edeba88ee7add0b279bb6978d7f8d11c6b45a7672ebfdbbe64addbb0aed5dbc3", Hash(Recalled));
    }
}
