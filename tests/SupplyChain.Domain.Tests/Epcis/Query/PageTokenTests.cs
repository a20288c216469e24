using System.Globalization;
using SupplyChain.Domain.Epcis.Query;
using static SupplyChain.Domain.Tests.Epcis.Query.EventQueryParserTests;

namespace SupplyChain.Domain.Tests.Epcis.Query;

public sealed class PageTokenTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly EventQuery Query = Parse(("GE_recordTime", "2024-05-01T00:00:00Z"), ("MATCH_anyEPCClass", "urn:epc:class:lgtin:8930000.000001.L1"));
    private static readonly PagePosition Position = new(At("2024-05-01T01:00:05.250Z"), "ni:///sha-256;ab?ver=CBV2.0", At("2024-05-01T02:00:00Z"));

    [Fact]
    public void A_token_reads_back_as_its_position()
    {
        var token = PageToken.Write(Position, Query, Key);

        Assert.Equal(Position, PageToken.Read(token, Query, Key));
        Assert.Equal(Position, PageToken.Read(token, Query with { PerPage = 50, NextPageToken = token }, Key));
    }

    [Fact]
    public void Every_altered_byte_and_every_forged_form_is_refused_as_nextPageToken()
    {
        var token = PageToken.Write(Position, Query, Key);
        var forgeries = new List<string> { "", ".", "abc", "a.b.c", "!!!.###", token + "A", token[..^1], Guid.NewGuid().ToString() };
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i] == 'A' ? 'B' : 'A';
            forgeries.Add(token[..i] + c + token[(i + 1)..]);
        }

        foreach (var forged in forgeries.Where(f => f != token))
        {
            var refusal = Assert.Throws<DomainException>(() => PageToken.Read(forged, Query, Key));
            Assert.StartsWith("nextPageToken: ", refusal.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_token_serves_only_its_own_query_and_key()
    {
        var token = PageToken.Write(Position, Query, Key);
        var otherKey = Key.Select(b => (byte)(b ^ 0xFF)).ToArray();

        Assert.Contains("another query", Assert.Throws<DomainException>(() => PageToken.Read(token, Query with { GeRecordTime = At("2024-04-01T00:00:00Z") }, Key)).Message, StringComparison.Ordinal);
        Assert.Contains("altered", Assert.Throws<DomainException>(() => PageToken.Read(token, Query, otherKey)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_next_page_starts_after_the_last_event_returned_and_stops_at_the_horizon()
    {
        Assert.False(Position.Precedes(Position.RecordTime, Position.EventId));
        Assert.False(Position.Precedes(Position.RecordTime, "ni:///sha-256;aa?ver=CBV2.0"));
        Assert.True(Position.Precedes(Position.RecordTime, "ni:///sha-256;ac?ver=CBV2.0"));
        Assert.True(Position.Precedes(Position.RecordTime.AddTicks(1), "a"));
        Assert.False(Position.Precedes(Position.Horizon, "z"));
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
