using System.Text;
using SupplyChain.Domain.Batches.Events;
using SupplyChain.Domain.Epcis;
using SupplyChain.Domain.Identifiers;
using SupplyChain.Domain.Tests.Fixture;

namespace SupplyChain.Domain.Tests.Epcis;

public sealed class TraceabilityCsvTests
{
    private static readonly DateTimeOffset Start = SampleTrace.Start;

    /// <summary>Reads RFC 4180 text back into rows of fields, strictly: CRLF between records, quotes only around whole fields.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, $"a quote inside an unquoted field at {i}");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                Assert.True(i + 1 < csv.Length && csv[i + 1] == '\n', $"a bare CR at {i}");
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = new List<string>();
                i++;
            }
            else
            {
                Assert.True(c != '\n', $"a bare LF outside quotes at {i}");
                field.Append(c);
            }
        }

        Assert.False(quoted, "the text ends inside a quoted field");
        Assert.True(row.Count == 0 && field.Length == 0, "the last record is not ended by CRLF");
        return rows;
    }

    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var rows = Parse(csv);
        Assert.Equal(TraceabilityCsv.Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(TraceabilityCsv.Columns.Count, r.Count));
        return rows.Skip(1).Select(r => TraceabilityCsv.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public void The_header_names_the_key_data_elements_in_a_fixed_order()
    {
        var csv = TraceabilityCsv.Write([]);

        Assert.Equal(
            "traceability_lot_code,product_description,quantity,unit,location_gln,date,event_type,detail,ship_from_gln,ship_to_gln,"
            + "related_lot_codes,reference_document_type,reference_document,event_id,version,hash\r\n",
            csv);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData(" spaces kept ", " spaces kept ")]
    public void Fields_are_quoted_only_when_RFC_4180_needs_it(string value, string written)
    {
        Assert.Equal(written, TraceabilityCsv.Field(value));
        Assert.Equal(value, Parse(written + "\r\n")[0][0]);
    }

    [Fact]
    public void Every_stored_event_of_every_lot_is_a_row_with_its_key_data()
    {
        var trace = SampleTrace.Build();

        var rows = Rows(TraceabilityCsv.Write(trace.Logs, SampleTrace.ProductNames));

        Assert.Equal(trace.Logs.Sum(l => l.Events.Count), rows.Count);
        var received = Assert.Single(rows, r => r["event_id"] == "receive-A");
        Assert.Equal("(01)08930000000019(10)A", received["traceability_lot_code"]);
        Assert.Equal("Shan tuyet tea, Ha Giang", received["product_description"]);
        Assert.Equal(("99", "KGM"), (received["quantity"], received["unit"]));
        Assert.Equal(Sample.Warehouse.Value, received["location_gln"]);
        Assert.Equal("2025-06-01T09:00:00+07:00", received["date"]);
        Assert.Equal("receiving", received["event_type"]);
        Assert.Equal("shipped 100 KGM; loss 1 KGM; one sack torn,\nresealed", received["detail"]);
        Assert.Equal((Sample.Producer.Value, Sample.Distributor.Value), (received["ship_from_gln"], received["ship_to_gln"]));
        Assert.Equal(("event", "receive-A"), (received["reference_document_type"], received["reference_document"]));
        Assert.Equal(trace.A.Events[5].Hash, received["hash"]);
        Assert.Equal("6", received["version"]);
        var lab = Assert.Single(rows, r => r["event_id"] == "lab-1");
        Assert.Equal(("checkpoint", "certificate", "LAB-2025-0042 \"Hà Nội\", lead"), (lab["event_type"], lab["reference_document_type"], lab["reference_document"]));
        Assert.Equal("food_safety sampling: pass (lead 0.05 MG_KG)", lab["detail"]);
        var split = Assert.Single(rows, r => r["event_id"] == "split-A");
        Assert.Equal(("transformation", "50", "(01)08930000000019(10)A1;(01)08930000000019(10)A2"), (split["event_type"], split["quantity"], split["related_lot_codes"]));
        var merged = Assert.Single(rows, r => r["event_id"] == "merge-M");
        Assert.Equal(("transformation", "merged from", "70"), (merged["event_type"], merged["detail"], merged["quantity"]));
        Assert.Equal(["created", "transformation", "merge_reverted"], rows.Where(r => r["traceability_lot_code"].EndsWith("(10)C", StringComparison.Ordinal)).Select(r => r["event_type"]).ToList());
    }

    [Fact]
    public void Rows_are_sorted_by_date_then_lot_code_then_version()
    {
        var rows = Rows(TraceabilityCsv.Write(SampleTrace.Build().Logs));

        var keys = rows.Select(r => (Date: r["date"], Lot: r["traceability_lot_code"], Version: long.Parse(r["version"], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(keys.OrderBy(k => k.Date, StringComparer.Ordinal).ThenBy(k => k.Lot, StringComparer.Ordinal).ThenBy(k => k.Version).ToList(), keys);
        Assert.Equal(
            ["merge-M~merge0", "merge-M~merge1", "merge-M"],
            rows.Where(r => r["date"] == "2025-06-01T12:00:00+07:00").Select(r => r["event_id"]).ToList());
    }

    [Fact]
    public void Within_one_second_the_lot_code_decides_and_within_a_lot_the_version()
    {
        var late = SampleTrace.Produced("Y", 1m, Start.AddMilliseconds(900));
        var early = SampleTrace.Produced("Z", 1m, Start.AddMilliseconds(100));
        early.Append(new ShipmentRejected("same-instant", Sample.Producer, Sample.Farm, Start.AddMilliseconds(100), Sample.Producer, "test"));

        var records = TraceabilityCsv.Records([(early.Batch, early.Events), (late.Batch, late.Events)]);

        Assert.Equal([("Y", 1L), ("Z", 1L), ("Z", 2L)], records.Select(r => (r.Batch.Lot, r.Version)).ToList());
    }

    [Fact]
    public void From_is_inclusive_and_to_exclusive()
    {
        var logs = SampleTrace.Build().Logs;

        var rows = Rows(TraceabilityCsv.Write(logs, null, Start.AddHours(3), Start.AddHours(4)));

        Assert.Equal(["receive-A", "receive-5"], rows.Select(r => r["event_id"]).ToList());
        Assert.Equal(["create-A", "create-B"], TraceabilityCsv.Records(logs, null, null, Start.AddMinutes(10)).Select(r => r.EventId).ToList());
        Assert.Equal(["merge-M~merge0", "merge-M~merge1", "merge-M"], TraceabilityCsv.Records(logs, null, Start.AddHours(6), null).Select(r => r.EventId).ToList());
        Refusals.Expect(Refusal.InvalidArgument, () => TraceabilityCsv.Records(logs, null, Start, Start.AddSeconds(-1)), "to:", "is before from");
    }

    [Fact]
    public void Dates_are_written_at_the_chosen_offset()
    {
        var log = SampleTrace.Produced("A", 1m, Start);

        var rows = Rows(TraceabilityCsv.Write([(log.Batch, log.Events)], null, null, null, TimeSpan.Zero));

        Assert.Equal("2025-05-31T23:00:00+00:00", Assert.Single(rows)["date"]);
        Assert.Equal("", rows[0]["product_description"]);
    }

    [Fact]
    public void A_log_given_twice_is_written_once()
    {
        var log = SampleTrace.Produced("A", 1m, Start);

        Assert.Single(TraceabilityCsv.Records([(log.Batch, log.Events), (log.Batch, log.Events)]));
    }
}
