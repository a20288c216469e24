using System.Text.Json;
using SupplyChain.Domain.Batches;
using SupplyChain.Domain.Integrity;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Integrity;

/// <summary>Verifying rows as storage holds them, after each kind of edit made behind the service's back.</summary>
public sealed class LogVerifierTests
{
    private readonly BatchLog _log = ThreeEvents("L1");

    private static BatchLog ThreeEvents(string lot)
    {
        var log = BatchLog.Produced(lot, 100m);
        log.Ship(Sample.Distributor);
        log.Receive(Sample.Kg(99m));
        return log;
    }

    private static List<StoredLink> Links(BatchLog log) =>
        log.Events.Select((e, i) => new StoredLink(e.Version, log.CanonicalJson[i], e.Hash, e.PreviousHash)).ToList();

    private static StoredHead Head(BatchLog log) =>
        new(log.State!.Version, log.State.HeadHash, JsonSerializer.Serialize(log.State, EventHash.Canonical));

    private LogVerification Verify(List<StoredLink> links, StoredHead? head) => LogVerifier.Verify(_log.Batch, links, head);

    [Fact]
    public void An_untouched_log_verifies()
    {
        var verified = Verify(Links(_log), Head(_log));

        Assert.True(verified.Ok, verified.Reason);
        Assert.Equal((3L, 3L, _log.State!.HeadHash, (long?)null), (verified.EventsChecked, verified.HeadVersion, verified.HeadHash, verified.FirstBadVersion));
    }

    [Fact]
    public void Edited_content_is_a_hash_mismatch_at_its_version()
    {
        var links = Links(_log);
        links[1] = links[1] with { CanonicalJson = links[1].CanonicalJson!.Replace("\"value\":100", "\"value\":90", StringComparison.Ordinal) };
        Assert.NotEqual(_log.CanonicalJson[1], links[1].CanonicalJson);

        var verified = Verify(links, Head(_log));

        Assert.Equal((false, 2L, ChainBreak.HashMismatch, 1L), (verified.Ok, verified.FirstBadVersion, verified.Break, verified.EventsChecked));
        Assert.StartsWith("hash mismatch: version 2 stores hash ", verified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Content_rehashed_after_an_edit_breaks_the_link_from_the_next_event()
    {
        var links = Links(_log);
        var edited = links[1].CanonicalJson!.Replace("\"value\":100", "\"value\":90", StringComparison.Ordinal);
        links[1] = links[1] with { CanonicalJson = edited, Hash = EventHash.Chain(links[1].PreviousHash, edited) };

        var verified = Verify(links, Head(_log));

        Assert.Equal((3L, ChainBreak.PreviousHashDoesNotLink), (verified.FirstBadVersion, verified.Break));
        Assert.StartsWith("previous hash does not link: version 3", verified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_event_is_a_version_gap()
    {
        var links = Links(_log);
        links.RemoveAt(1);

        var verified = Verify(links, Head(_log));

        Assert.Equal((2L, ChainBreak.VersionGap), (verified.FirstBadVersion, verified.Break));
        Assert.Equal("version gap: expected version 2, the next stored event is version 3", verified.Reason);
    }

    [Fact]
    public void A_row_that_names_no_version_is_a_version_gap()
    {
        var links = Links(_log);
        links.Insert(0, new StoredLink(0, "{}", "", ""));

        var verified = Verify(links, Head(_log));

        Assert.Equal((1L, ChainBreak.VersionGap), (verified.FirstBadVersion, verified.Break));
        Assert.Contains("a row that names no version", verified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_or_unreadable_content_does_not_parse()
    {
        var missing = Links(_log);
        missing[0] = missing[0] with { CanonicalJson = null };
        Assert.Equal((1L, ChainBreak.ContentDoesNotParse), Outcome(Verify(missing, Head(_log))));

        // Garbage hashed consistently all the way to the head: only parsing it tells.
        var garbage = new List<StoredLink> { new(1, "not an event", EventHash.Chain("", "not an event"), "") };
        var verified = Verify(garbage, new StoredHead(1, garbage[0].Hash, null));
        Assert.Equal((1L, ChainBreak.ContentDoesNotParse), Outcome(verified));
        Assert.StartsWith("content does not parse: version 1", verified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_Unicode_is_reported_not_thrown()
    {
        // Found by the fuzz run: a lone surrogate made the JSON reader throw an ArgumentException out of the verifier.
        var links = Links(_log);
        var text = links[2].CanonicalJson!.Replace("good", "go\ud800od", StringComparison.Ordinal);
        links[2] = links[2] with { CanonicalJson = text, Hash = EventHash.Chain(links[2].PreviousHash, text) };
        var head = Head(_log);

        var verified = Verify(links, head with { HeadHash = links[2].Hash });
        Assert.Equal((3L, ChainBreak.ContentDoesNotParse), Outcome(verified));
        Assert.Equal((3L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(Links(_log), head with { StateJson = "{\"version\": \"\ud800\"}" })));
    }

    [Fact]
    public void Another_batchs_log_copied_in_is_misplaced_content()
    {
        var other = ThreeEvents("L2");

        var verified = LogVerifier.Verify(_log.Batch, Links(other), Head(other));

        Assert.Equal((1L, ChainBreak.ContentMisplaced), Outcome(verified));
        Assert.Contains($"holds the event of {other.Batch.Key} version 1", verified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_that_does_not_name_the_last_event_is_reported()
    {
        var links = Links(_log);
        var head = Head(_log);

        var lastDeleted = Verify(links.Take(2).ToList(), head);
        Assert.Equal((3L, ChainBreak.HeadDoesNotMatch, 2L), (lastDeleted.FirstBadVersion, lastDeleted.Break, lastDeleted.EventsChecked));
        Assert.StartsWith("head does not match: the head names version 3", lastDeleted.Reason, StringComparison.Ordinal);
        Assert.Contains("the log ends at version 2", lastDeleted.Reason, StringComparison.Ordinal);

        Assert.Equal((3L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(links, head with { HeadHash = "0000" })));
        Assert.Equal((3L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(links, head with { StateJson = head.StateJson!.Replace("\"version\":3", "\"version\":2", StringComparison.Ordinal) })));
        Assert.Equal((3L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(links, null)));
    }

    [Fact]
    public void A_head_behind_the_log_verifies_when_it_names_a_stored_event_and_the_events_after_it_chain()
    {
        // The head as it was after version 2: written every few events, or a crash came before the head of version 3.
        var links = Links(_log);
        var state2 = BatchState.Apply(BatchState.Apply(null, _log.Events[0]), _log.Events[1]);
        var head2 = new StoredHead(2, _log.Events[1].Hash, JsonSerializer.Serialize(state2, EventHash.Canonical));

        var behind = Verify(links, head2);
        Assert.True(behind.Ok, behind.Reason);
        Assert.Equal((3L, 2L), (behind.EventsChecked, behind.HeadVersion));

        // The head must still name the event stored at its version, and its own state must agree.
        Assert.Equal((2L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(links, head2 with { HeadHash = _log.Events[2].Hash })));
        Assert.Equal((2L, ChainBreak.HeadDoesNotMatch), Outcome(Verify(links, head2 with { StateJson = head2.StateJson!.Replace("\"version\":2", "\"version\":1", StringComparison.Ordinal) })));
    }

    private static (long?, ChainBreak?) Outcome(LogVerification v) => (v.FirstBadVersion, v.Break);
}
