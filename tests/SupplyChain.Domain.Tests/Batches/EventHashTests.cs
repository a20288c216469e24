using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Measures;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Batches;

public sealed class EventHashTests
{
    private static readonly DateTimeOffset RecordedAt = new(2025, 6, 1, 2, 30, 15, TimeSpan.Zero);

    public static TheoryData<string> EventTypes => [.. Events.ByName.Keys];

    private static BatchEvent Event(string name) => Events.ByName[name];

    private static string Canonical(BatchEvent e, long version = 3) => EventHash.CanonicalJson(Sample.Lot("L1"), version, RecordedAt, e);

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_reads_back_from_its_canonical_json(string name)
    {
        var original = Event(name);
        var json = Canonical(original);

        var back = EventHash.ParseEvent(json);

        Assert.IsType(original.GetType(), back);
        Assert.Equal(json, Canonical(back));
        Assert.Equal((original.EventId, original.Actor, original.Location, original.EventTime), (back.EventId, back.Actor, back.Location, back.EventTime));
        Assert.Equal(original.EventTime.UtcTicks, back.EventTime.UtcTicks);
        Assert.Equal(original.BizStep, back.BizStep);
    }

    [Fact]
    public void Events_without_lists_read_back_equal()
    {
        foreach (var e in new BatchEvent[] { Events.Shipped, Events.Rejected, Events.Merged, Events.Reverted })
        {
            Assert.Equal(e, EventHash.ParseEvent(Canonical(e)));
        }
    }

    [Fact]
    public void Events_with_lists_read_back_with_every_item()
    {
        var created = Assert.IsType<BatchCreated>(EventHash.ParseEvent(Canonical(Events.Created)));
        Assert.Equal(Events.Created.Inputs, created.Inputs);
        Assert.Equal(Events.Created with { Inputs = created.Inputs }, created);

        var checkpoint = Assert.IsType<CheckpointRecorded>(EventHash.ParseEvent(Canonical(Events.Checkpoint)));
        Assert.Equal(Events.Checkpoint.Results, checkpoint.Results);
        Assert.Equal(Events.Checkpoint with { Results = checkpoint.Results }, checkpoint);
        Assert.Null(checkpoint.Results[2].Limit);

        var received = Assert.IsType<BatchReceived>(EventHash.ParseEvent(Canonical(Events.Received)));
        Assert.Equal(Events.Received.Results, received.Results);
        Assert.Equal(Events.Received.MissingReadings, received.MissingReadings);
        Assert.Equal(Events.Received with { Results = received.Results, MissingReadings = received.MissingReadings }, received);

        var split = Assert.IsType<BatchSplit>(EventHash.ParseEvent(Canonical(Events.Split)));
        Assert.Equal(Events.Split.Children, split.Children);
        Assert.Equal(Events.Split with { Children = split.Children }, split);

        var noIssuer = Assert.IsType<CheckpointRecorded>(EventHash.ParseEvent(Canonical(Events.CheckpointWithoutCertificate)));
        Assert.Equal(new Certificate(null, "self"), noIssuer.Certificate);
    }

    [Fact]
    public void Transformation_events_read_back_with_every_item()
    {
        var made = Assert.IsType<BatchCreated>(EventHash.ParseEvent(Canonical(Events.TransformedFrom)));
        Assert.Equal(Events.TransformedFrom.Inputs, made.Inputs);
        Assert.Equal(Events.TransformedFrom with { Inputs = made.Inputs }, made);

        var used = Assert.IsType<BatchTransformed>(EventHash.ParseEvent(Canonical(Events.Transformed)));
        Assert.Equal(Events.Transformed.Outputs, used.Outputs);
        Assert.Equal(Events.Transformed with { Outputs = used.Outputs }, used);

        var undone = Assert.IsType<TransformReverted>(EventHash.ParseEvent(Canonical(Events.TransformReverted)));
        Assert.Equal(Events.TransformReverted.Outputs, undone.Outputs);
        Assert.Equal(Events.TransformReverted with { Outputs = undone.Outputs }, undone);
    }

    [Fact]
    public void Transformation_events_have_their_own_type_words()
    {
        Assert.Contains("\"type\":\"created\"", Canonical(Events.TransformedFrom), StringComparison.Ordinal);
        Assert.Contains("\"origin\":\"transformed\"", Canonical(Events.TransformedFrom), StringComparison.Ordinal);
        Assert.Contains("\"event\":{\"type\":\"transformed\",", Canonical(Events.Transformed), StringComparison.Ordinal);
        Assert.Contains("\"transformation_id\":\"transform-1\",\"used\":{\"value\":12.5,\"unit\":\"KGM\"},\"remaining\":{\"value\":87.625,\"unit\":\"KGM\"}", Canonical(Events.Transformed), StringComparison.Ordinal);
        Assert.Contains("\"event\":{\"type\":\"transform_reverted\",", Canonical(Events.TransformReverted), StringComparison.Ordinal);
    }

    /// <summary>
    /// Stored logs are verified by recomputing their hashes: adding event types must not change the canonical text of the
    /// types stored before them. These hashes were computed before transformations existed.
    /// </summary>
    [Theory]
    [InlineData(nameof(Events.Created), "c9ec7b9ff2da22c130dd102de053b138547128424cdba09f6de0effb92a83050")]
    [InlineData(nameof(Events.Checkpoint), "19eeb9dbcc8c31f62ffaf4945f7427c94761a11ca2eb590cfe8684f2e67480be")]
    [InlineData(nameof(Events.Shipped), "1f1ffc2c994397401d7e8526f1aa5b87d4e65ae013fa089be1ec6c9382a0316a")]
    [InlineData(nameof(Events.Received), "7dfcd77f2afd50805c3cf6f7dda47d4633f6a14c8b8c4079bba613cb9b7d2715")]
    [InlineData(nameof(Events.Rejected), "96a2dbc98e0c38495d146e397d84792eaed4d26cec4e3335ddce55d74274acf4")]
    [InlineData(nameof(Events.Split), "eb9e5f67f6982edce274f3043b9cc8c6ad850b6afcf1bc2fb8acb64e60ed66c6")]
    [InlineData(nameof(Events.Merged), "b9bab1e83f113748fc5197970a1215350d18a97a7468d4b76e50c55beecb55ff")]
    [InlineData(nameof(Events.Reverted), "399e9b61b3b887c64f674637e6d463af3d03be1d27a97e72fa888f184ae4604c")]
    public void The_event_types_stored_before_transformations_hash_as_they_did(string name, string hash)
    {
        Assert.Equal(hash, EventHash.Record(Sample.Lot("L1"), 3, "prev", RecordedAt, Event(name)).Event.Hash);
    }

    [Fact]
    public void The_canonical_form_is_snake_case_with_plain_identifiers_and_utc_ticks()
    {
        var json = Canonical(Events.Shipped);

        Assert.StartsWith("{\"batch\":\"08930000000019/L1\",\"version\":3,\"recorded_at\":\"2025-06-01T02:30:15.0000000Z\",\"event\":{\"type\":\"shipped\",", json, StringComparison.Ordinal);
        Assert.Contains("\"receiver\":\"8936047800025\",\"quantity\":{\"value\":100.125,\"unit\":\"KGM\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"event_id\":\"ship-1\",\"actor\":\"8936047800018\",\"location\":\"8936047800070\",\"event_time\":\"2025-06-01T02:30:15.1234567Z\"}}", json, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"food_safety\"", Canonical(Events.Checkpoint), StringComparison.Ordinal);
        Assert.Contains("\"verdict\":\"fail\"", Canonical(Events.Checkpoint), StringComparison.Ordinal);
        Assert.Contains("\"origin\":\"merged\"", Canonical(Events.Created), StringComparison.Ordinal);
    }

    [Fact]
    public void The_derived_biz_step_is_not_part_of_the_canonical_form()
    {
        // BatchEvent.BizStep is [JsonIgnore]: the hashed text must not depend on how code maps steps to CBV words.
        foreach (var (name, e) in Events.ByName)
        {
            Assert.False(Canonical(e).Contains("\"biz_step\"", StringComparison.Ordinal), $"the canonical form of {name} holds biz_step: {Canonical(e)}");
        }
    }

    [Fact]
    public void One_instant_has_one_text_whatever_its_offset()
    {
        var hanoi = Events.Shipped with { EventTime = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)) };
        var utc = Events.Shipped with { EventTime = new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero) };

        Assert.Equal(Canonical(hanoi), Canonical(utc));
    }

    [Fact]
    public void Equal_amounts_written_differently_hash_alike_once_normalised()
    {
        var a = Events.Shipped with { Quantity = Quantity.Parse(12.50, "KGM") };
        var b = Events.Shipped with { Quantity = Quantity.Parse(12.5, "kgm") };

        Assert.Equal(Canonical(a), Canonical(b));
    }

    [Fact]
    public void Non_ascii_text_is_kept_readable()
    {
        Assert.Contains("Hà Nội", Canonical(Events.Checkpoint), StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_is_sha256_of_the_previous_hash_a_newline_and_the_text()
    {
        var json = Canonical(Events.Shipped);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("abc\n" + json)));

        Assert.Equal(expected, EventHash.Chain("abc", json));
        Assert.Equal(64, expected.Length);
    }

    [Fact]
    public void Record_links_the_event_to_the_previous_hash()
    {
        var (recorded, json) = EventHash.Record(Sample.Lot("L1"), 3, "prev", RecordedAt, Events.Shipped);

        Assert.Equal(Canonical(Events.Shipped), json);
        Assert.Equal(3, recorded.Version);
        Assert.Equal(RecordedAt, recorded.RecordedAt);
        Assert.Equal("prev", recorded.PreviousHash);
        Assert.Equal(EventHash.Chain("prev", json), recorded.Hash);
        Assert.Same(Events.Shipped.GetType(), recorded.Event.GetType());
    }

    [Fact]
    public void The_same_content_gives_the_same_hash()
    {
        var first = EventHash.Record(Sample.Lot("L1"), 3, "prev", RecordedAt, Events.Received).Event.Hash;
        var second = EventHash.Record(Sample.Lot("L1"), 3, "prev", RecordedAt, Events.Received with { }).Event.Hash;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Changing_any_character_changes_the_hash()
    {
        var json = Canonical(Events.Checkpoint);
        var hash = EventHash.Chain("prev", json);
        var seen = new HashSet<string> { hash };

        for (var i = 0; i < json.Length; i++)
        {
            var changed = json[..i] + (char)(json[i] ^ 1) + json[(i + 1)..];
            Assert.True(seen.Add(EventHash.Chain("prev", changed)), $"changing character {i} of {json} left the hash as before");
        }

        Assert.NotEqual(hash, EventHash.Chain("prev0", json));
        Assert.NotEqual(hash, EventHash.Chain("", json));
    }

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var batch = Sample.Lot("L1");
        string Hash(BatchEvent e, long version = 3, string previous = "prev", BatchRef? at = null) =>
            EventHash.Record(at ?? batch, version, previous, RecordedAt, e).Event.Hash;
        var e = Events.Received;
        var original = Hash(e);

        Assert.NotEqual(original, Hash(e, version: 4));
        Assert.NotEqual(original, Hash(e, previous: "other"));
        Assert.NotEqual(original, Hash(e, at: Sample.Lot("L2")));
        Assert.NotEqual(original, EventHash.Record(batch, 3, "prev", RecordedAt.AddTicks(1), e).Event.Hash);
        Assert.NotEqual(original, Hash(e with { EventId = "receive-2" }));
        Assert.NotEqual(original, Hash(e with { Actor = Sample.Retailer }));
        Assert.NotEqual(original, Hash(e with { EventTime = e.EventTime.AddTicks(1) }));
        Assert.NotEqual(original, Hash(e with { Received = Sample.Kg(99.000001m) }));
        Assert.NotEqual(original, Hash(e with { Condition = "one sack torn." }));
        Assert.NotEqual(original, Hash(e with { Verdict = Verdict.Fail }));
        Assert.NotEqual(original, Hash(e with { MissingReadings = [] }));
        Assert.NotEqual(original, Hash(Events.Received with { Results = [e.Results[0] with { Within = false }] }));
    }

    [Fact]
    public void A_log_is_a_chain_a_changed_event_breaks()
    {
        var log = BatchLog.Produced();
        log.Ship(Sample.Distributor);
        log.Receive();

        var previous = "";
        for (var i = 0; i < log.Events.Count; i++)
        {
            Assert.Equal(previous, log.Events[i].PreviousHash);
            Assert.Equal(EventHash.Chain(previous, log.CanonicalJson[i]), log.Events[i].Hash);
            previous = log.Events[i].Hash;
        }

        var tampered = log.CanonicalJson[1].Replace("\"value\":100", "\"value\":90", StringComparison.Ordinal);
        Assert.NotEqual(log.CanonicalJson[1], tampered);
        Assert.NotEqual(log.Events[1].Hash, EventHash.Chain(log.Events[0].Hash, tampered));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{\"batch\":\"x\",\"version\":1,\"recorded_at\":\"2025-06-01T02:30:15.0000000Z\",\"event\":null}")]
    public void Stored_text_without_an_event_is_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => EventHash.ParseEvent(json));
    }

    [Fact]
    public void A_fingerprint_is_stable_for_equal_commands()
    {
        ShipBatch Ship() => new("ship-1", Sample.Lot("L1"), Sample.Producer, Sample.Distributor, Quantity.Parse(12.5, "KGM"), Sample.Farm, Sample.Now);
        SplitBatch Split() => new("split-1", Sample.Lot("L1"), Sample.Producer, [new BatchPart(Sample.Lot("C1"), Sample.Kg(1m))], Sample.Farm, null);

        Assert.Equal(EventHash.Fingerprint(Ship()), EventHash.Fingerprint(Ship()));
        Assert.Equal(EventHash.Fingerprint(Split()), EventHash.Fingerprint(Split()));
        Assert.Equal(64, EventHash.Fingerprint(Ship()).Length);
        Assert.Equal(
            EventHash.Fingerprint(Ship()),
            EventHash.Fingerprint(Ship() with { ShippedAt = Sample.Now.ToUniversalTime(), Quantity = Quantity.Parse(12.50, "kgm") }));
    }

    [Fact]
    public void A_fingerprint_differs_when_the_command_does()
    {
        var ship = new ShipBatch("ship-1", Sample.Lot("L1"), Sample.Producer, Sample.Distributor, null, Sample.Farm, null);
        var receive = new ReceiveBatch("ship-1", Sample.Lot("L1"), Sample.Distributor, true, null, "", Sample.Warehouse, null, [], "");
        var prints = new[]
        {
            EventHash.Fingerprint(ship),
            EventHash.Fingerprint(ship with { Receiver = Sample.Retailer }),
            EventHash.Fingerprint(ship with { Quantity = Sample.Kg(1m) }),
            EventHash.Fingerprint(ship with { ShippedAt = Sample.Now }),
            EventHash.Fingerprint(ship with { Batch = Sample.Lot("L2") }),
            EventHash.Fingerprint(receive),
            EventHash.Fingerprint(receive with { Measurements = [new Measurement("temperature", 4m, "CEL")] }),
            EventHash.Fingerprint(receive with { Accept = false, Reason = "wet" }),
        };

        Assert.Equal(prints.Length, prints.Distinct().Count());
    }

    [Fact]
    public void The_canonical_options_are_the_ones_used_for_fingerprints()
    {
        var ship = new ShipBatch("ship-1", Sample.Lot("L1"), Sample.Producer, Sample.Distributor, null, Sample.Farm, null);

        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(ship, EventHash.Canonical))),
            EventHash.Fingerprint(ship));
        Assert.Contains("\"receiver\":\"8936047800025\"", JsonSerializer.Serialize(ship, EventHash.Canonical), StringComparison.Ordinal);
    }
}
