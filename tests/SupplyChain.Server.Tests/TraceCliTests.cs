using Azure;
using Azure.Data.Tables;
using SupplyChain.Grains.Storage;
using SupplyChain.Testing;
using SupplyChain.V1;
using CommandLine = SupplyChain.Cli.Cli;
using DomainBatchRef = SupplyChain.Domain.Identifiers.BatchRef;

namespace SupplyChain.Server.Tests;

/// <summary>An auditor's questions asked with the command-line client: trace back, trace forward, custody, verify.</summary>
[Collection(ServerCollection.Name)]
public sealed class TraceCliTests(ServerFixture fixture)
{
    [Fact]
    public async Task An_auditor_traces_a_merged_lot_back_and_forward_reads_its_custody_and_verifies_it()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b, c, d) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await world.CheckAsync(a, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 6.5, Unit = "P1" });
        await lineage.SplitAsync(a, (b, 40), (c, 60));
        await lineage.MergeAsync(d, lineage.Ref(b), lineage.Ref(c));
        await world.ShipAsync(d, world.Producer, world.Distributor);
        await world.ReceiveAsync(d, world.Distributor, 99.5);

        var back = await RunAsync(0, "trace", "back", world.Gtin13, d);
        Assert.Contains("batches:   4 (up to depth 1000)", back, StringComparison.Ordinal);
        Assert.Contains("checks:    all passed", back, StringComparison.Ordinal);
        Assert.Contains($"{world.Gtin}/{a}  {world.Gtin}/{b}  40 KGM", back, StringComparison.Ordinal);
        Assert.Contains("Long Dien Dong, Dong Hai, Bac Lieu", back, StringComparison.Ordinal);
        Assert.Contains("moisture 6.5 P1", back, StringComparison.Ordinal);
        Assert.Contains("received", back, StringComparison.Ordinal);

        var limited = await RunAsync(0, "trace", "back", world.Gtin13, d, "--max-depth", "1");
        Assert.Contains("truncated:", limited, StringComparison.Ordinal);
        Assert.DoesNotContain($"{world.Gtin}/{a} ", limited, StringComparison.Ordinal);

        var forward = await RunAsync(0, "trace", "forward", world.Gtin13, a);
        Assert.Contains($"held by: {world.Distributor}", forward, StringComparison.Ordinal);
        Assert.Contains($"2      {world.Gtin}/{d}", forward, StringComparison.Ordinal);

        var custody = await RunAsync(0, "custody", world.Gtin13, d);
        Assert.Contains("merged-from", custody, StringComparison.Ordinal);
        Assert.Contains("loss 0.5 KGM", custody, StringComparison.Ordinal);

        var sound = await RunAsync(0, "verify", world.Gtin13, d);
        Assert.Contains("OK: the stored hash chain is intact", sound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_exits_4_and_names_the_first_bad_version_after_an_edit_in_storage()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 500);
        Assert.True((await new TraceService.TraceServiceClient(fixture.Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot })).Ok);
        await world.ShipAsync(lot, world.Producer, world.Distributor);

        // Verifying after each event writes it out of the journal into a row of its own, where the edit below goes.
        Assert.True((await new TraceService.TraceServiceClient(fixture.Server.Channel).VerifyBatchAsync(new VerifyBatchRequest { Gtin = world.Gtin, Lot = lot })).Ok);
        var table = new TableClient(fixture.Azurite.ConnectionString, "supplychainbatchlog");
        var row = (await table.GetEntityAsync<TableEntity>(BatchLogStore.EventPartition(DomainBatchRef.Parse(world.Gtin, lot), 1), BatchLogStore.EventRow(1))).Value;
        row["Json0"] = row.GetString("Json0").Replace("\"value\":500", "\"value\":50", StringComparison.Ordinal);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge);

        var broken = await RunAsync(4, "verify", world.Gtin13, lot);

        Assert.Contains("BROKEN", broken, StringComparison.Ordinal);
        Assert.Contains("first bad version: 1", broken, StringComparison.Ordinal);
        Assert.Contains("reason:            hash mismatch: version 1", broken, StringComparison.Ordinal);
        await RunAsync(3, "verify", world.Gtin13, Ids.Lot());
        await RunAsync(2, "trace", "back", world.Gtin13, lot, "--max-depth", "-1");
    }

    [Fact]
    public async Task An_auditor_exports_a_trace_as_EPCIS_and_as_a_spreadsheet_to_files()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await lineage.SplitAsync(a, (b, 40));
        var folder = Directory.CreateTempSubdirectory("supplychain-export-");
        try
        {
            var epcis = Path.Combine(folder.FullName, "trace.jsonld");
            var wrote = await RunAsync(0, "export", "epcis", world.Gtin13, b, "--out", epcis);
            Assert.Contains($"wrote 2 EPCIS events of 2 batches (application/ld+json) to {epcis}", wrote, StringComparison.Ordinal);
            Assert.Contains("\"EPCISDocument\"", await File.ReadAllTextAsync(epcis), StringComparison.Ordinal);

            var forward = await RunAsync(0, "export", "epcis", world.Gtin13, a, "--forward");
            Assert.StartsWith("{", forward, StringComparison.Ordinal);
            Assert.Contains("TransformationEvent", forward, StringComparison.Ordinal);

            var csv = Path.Combine(folder.FullName, "trace.csv");
            var rows = await RunAsync(0, "export", "csv", world.Gtin13, a, "--from", "2000-01-01", "--out", csv);
            Assert.Contains($"wrote 3 rows for 2 batches (text/csv) to {csv}", rows, StringComparison.Ordinal);
            Assert.StartsWith("traceability_lot_code,", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
            await RunAsync(64, "export", "csv", world.Gtin13, a, "--from", "yesterday");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_auditor_recalls_a_lot_and_everything_made_from_it_and_retries_with_the_printed_event_id()
    {
        var world = await new World(fixture).RegisterAsync();
        var lineage = new Lineage(fixture, world);
        var (a, b) = (Ids.Lot(), Ids.Lot());
        await world.CreateBatchAsync(a, 100);
        await lineage.SplitAsync(a, (b, 40));
        await world.ShipAsync(b, world.Producer, world.Retailer);

        var recall = await RunAsync(0, "recall", world.Gtin13, a, "--auditor", world.Auditor, "--reason", "lead above limit");

        Assert.Contains("batches:   2 (2 recalled now)", recall, StringComparison.Ordinal);
        Assert.Contains($"notified:  {string.Join(", ", new[] { world.Producer, world.Retailer }.Order(StringComparer.Ordinal))}", recall, StringComparison.Ordinal);
        Assert.Contains($"{world.Gtin}/{b}  recalled  recalled", recall, StringComparison.Ordinal);
        var eventId = System.Text.RegularExpressions.Regex.Match(recall, "--event-id (cli-[0-9a-f-]+)").Groups[1].Value;
        var retry = await RunAsync(0, "recall", world.Gtin13, a, "--auditor", world.Auditor, "--reason", "lead above limit", "--event-id", eventId);
        Assert.Contains("(0 recalled now; a retry of a stored recall)", retry, StringComparison.Ordinal);
        await RunAsync(6, "recall", world.Gtin13, b, "--auditor", world.Producer, "--reason", "x");
        await RunAsync(64, "recall", world.Gtin13, b, "--auditor", world.Auditor);
    }

    [Fact]
    public async Task A_partner_imports_an_EPCIS_file_and_a_refused_one_names_the_event()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        var at = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $$"""
                {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "{{at}}",
                 "epcisBody": {"eventList": [{"type": "ObjectEvent", "action": "ADD", "bizStep": "commissioning", "eventTime": "{{at}}", "eventTimeZoneOffset": "+00:00",
                   "quantityList": [{"epcClass": "https://id.gs1.org/01/{{world.Gtin}}/10/{{lot}}", "quantity": 25, "uom": "KGM"}]}]} }
                """);

            var imported = await RunAsync(0, "import", "epcis", file, "--actor", world.Producer);
            Assert.Contains("events:  1 in the document, 1 batch commands (0 stored before)", imported, StringComparison.Ordinal);
            Assert.Contains($"batches: {world.Gtin}/{lot}", imported, StringComparison.Ordinal);
            Assert.Equal(25, (await world.GetAsync(lot)).Quantity.Value);

            var refused = await RunAsync(2, "import", "epcis", Path.Combine(GsExamples(), "Example_9.6.1-ObjectEvent.jsonld"), "--actor", world.Producer);
            Assert.Contains("eventList[0]: destinationList:", refused, StringComparison.Ordinal);
            await RunAsync(64, "import", "epcis", file + ".missing", "--actor", world.Producer);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_producer_that_was_not_watching_replays_its_stored_alerts_from_a_resume_point()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });
        var output = new StringWriter();

        var exit = await CommandLine.RunAsync(["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, "alerts", "--participant", world.Producer, "--resume-after", "0", "--count", "2"], output, output)
            .WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exit);
        Assert.Contains($"checkpoint-failed  {world.Gtin}/{lot}  inspecting check failed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(#1)", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("(#2)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_producer_watches_its_alerts_and_sees_a_failed_check()
    {
        var world = await new World(fixture).RegisterAsync();
        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        var watching = CommandLine.RunAsync(["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, "alerts", "--participant", world.Producer, "--count", "1"], synchronized, synchronized);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Text().Contains("watching alerts", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline && !watching.IsCompleted, $"the stream did not start:\n{Text()}");
            await Task.Delay(10);
        }

        await world.CheckAsync(lot, world.Lab, CheckpointKind.FoodSafety, new Measurement { Type = "nacl", Value = 80, Unit = "P1" });

        Assert.Same(watching, await Task.WhenAny(watching, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(0, await watching);
        Assert.Contains($"checkpoint-failed  {world.Gtin}/{lot}  inspecting check failed", Text(), StringComparison.Ordinal);

        string Text()
        {
            lock (synchronized)
            {
                return output.ToString();
            }
        }
    }

    private static string GsExamples() => Path.Combine(SupplyChain.Testing.RepositoryPaths.Gs1, "examples");

    private async Task<string> RunAsync(int expectedExit, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile, .. args], stdout, stderr);
        var output = stdout.ToString() + stderr;
        Assert.True(exit == expectedExit, $"'{string.Join(' ', args)}' exited {exit}, expected {expectedExit}:\n{output}");
        return output;
    }
}
