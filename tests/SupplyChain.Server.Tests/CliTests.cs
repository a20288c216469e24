using SupplyChain.Testing;
using SupplyChain.V1;
using CommandLine = SupplyChain.Cli.Cli;

namespace SupplyChain.Server.Tests;

/// <summary>The command-line client, run as a user would, against the real server.</summary>
[Collection(ServerCollection.Name)]
public sealed class CliTests(ServerFixture fixture)
{
    [Fact]
    public async Task A_producer_and_a_distributor_tell_the_story_with_the_cli_each_logged_in_as_itself()
    {
        var (producer, distributor) = (Ids.Gln(), Ids.Gln());
        var gtin = Ids.Gtin13();
        var lot = Ids.Lot();
        var tokenFile = Path.Combine(Path.GetTempPath(), $"supplychain-token-{Guid.NewGuid():N}");
        try
        {
            Task<string> User(int exit, params string[] args) => RunAsync(exit, signed: false, ["--token-file", tokenFile, .. args]);

            // No token yet: the server says so, and nothing is written.
            var anonymous = await User(8, "participant", "register", "--gln", producer, "--name", "x", "--role", "producer");
            Assert.Contains("no bearer token", anonymous, StringComparison.Ordinal);

            var admin = await User(0, "login", "--dev", "--admin", "--key", ServerProcess.TestKeyFile);
            Assert.Contains("admin", admin, StringComparison.Ordinal);
            await User(0, "participant", "register", "--gln", producer, "--name", "Vinh Loi honey household", "--role", "producer", "--province", "Bac Lieu", "--kind", "household");
            await User(0, "participant", "register", "--gln", distributor, "--name", "Cho Lon distributor", "--role", "distributor");

            // Logged in as the producer, with its registered roles.
            var login = await User(0, "login", "--dev", "--as", producer, "--key", ServerProcess.TestKeyFile);
            Assert.Contains(producer, login, StringComparison.Ordinal);
            Assert.Contains("producer", await User(0, "whoami"), StringComparison.Ordinal);
            await User(0, "product", "register", "--gtin", gtin, "--producer", producer, "--name", "U Minh melaleuca honey", "--category", "honey", "--unit", "LTR",
                "--stars", "3", "--certificate", "OCOP-BL-2025-101", "--limit", "moisture::21:P1");
            // Acting flags left out default to the logged-in participant.
            await User(0, "batch", "create", "--gtin", gtin, "--lot", lot, "--quantity", "120", "--unit", "LTR");
            var pass = await User(0, "checkpoint", "--gtin", gtin, "--lot", lot, "--actor", producer, "--kind", "production", "--step", "packing", "--measure", "moisture=19.5:P1");
            Assert.Contains("PASS", pass, StringComparison.Ordinal);
            await User(0, "ship", "--gtin", gtin, "--lot", lot, "--from", producer, "--to", distributor);
            var refused = await User(4, "ship", "--gtin", gtin, "--lot", lot, "--from", producer, "--to", distributor);
            Assert.Contains("in transit", refused, StringComparison.Ordinal);

            // The producer cannot receive in the distributor's name; the distributor, logged in, can.
            var impostor = await User(6, "receive", "--gtin", gtin, "--lot", lot, "--actor", distributor, "--quantity", "119.5", "--unit", "LTR");
            Assert.Contains("another party", impostor, StringComparison.Ordinal);
            await User(0, "login", "--dev", "--as", distributor, "--key", ServerProcess.TestKeyFile);
            await User(0, "receive", "--gtin", gtin, "--lot", lot, "--quantity", "119.5", "--unit", "LTR", "--condition", "sealed");

            var shown = await User(0, "batch", "show", gtin, lot);
            Assert.Contains(distributor, shown, StringComparison.Ordinal);
            Assert.Contains("119.5 LTR", shown, StringComparison.Ordinal);
            var history = await User(0, "batch", "history", gtin, lot);
            Assert.Contains("loss 0.5 LTR", history, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tokenFile);
        }

        var batch = await fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = gtin, Lot = lot });
        Assert.Equal(4, batch.Version);
        Assert.Equal(distributor, batch.CustodianGln);
    }

    [Fact]
    public async Task A_processor_transforms_batches_with_the_cli()
    {
        var processor = Ids.Gln();
        var (honey, jar) = (Ids.Gtin13(), Ids.Gtin13());
        var (raw, left, j1, j2) = (Ids.Lot(), Ids.Lot(), Ids.Lot(), Ids.Lot());
        await RunAsync(0, "participant", "register", "--gln", processor, "--name", "Ca Mau honey processor", "--role", "processor");
        await RunAsync(0, "product", "register", "--gtin", honey, "--producer", processor, "--name", "Raw honey", "--category", "honey", "--unit", "LTR");
        await RunAsync(0, "product", "register", "--gtin", jar, "--producer", processor, "--name", "Honey jar 500 ml", "--category", "honey", "--unit", "H87");
        await RunAsync(0, "batch", "create", "--gtin", honey, "--lot", raw, "--quantity", "60", "--unit", "LTR", "--producer", processor);
        await RunAsync(0, "batch", "create", "--gtin", honey, "--lot", left, "--quantity", "5", "--unit", "LTR", "--producer", processor);

        var made = await RunAsync(0, "transform", "--input", $"{honey}/{raw}=40:LTR", "--input", $"{honey}/{left}", "--output", $"{jar}/{j1}=80:H87", "--output", $"{jar}/{j2}=10:H87", "--actor", processor);
        Assert.Contains("event id cli-", made, StringComparison.Ordinal);
        var usage = await RunAsync(64, "transform", "--input", $"{honey}/{raw}", "--output", $"{jar}/{Ids.Lot()}", "--actor", processor);
        Assert.Contains("GTIN/LOT=QTY:UNIT", usage, StringComparison.Ordinal);
        var over = await RunAsync(4, "transform", "--input", $"{honey}/{raw}=21:LTR", "--output", $"{jar}/{Ids.Lot()}=1:H87", "--actor", processor);
        Assert.Contains("conserved", over, StringComparison.Ordinal);

        var output = await fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = jar, Lot = j2 });
        Assert.Equal((10.0, 2), (output.Quantity.Value, output.Parents.Count));
        Assert.Equal(20.0, (await fixture.Batches.GetBatchAsync(new GetBatchRequest { Gtin = honey, Lot = raw })).Quantity.Value);
        var custody = await RunAsync(0, "custody", honey, raw);
        Assert.Contains("transformed-into", custody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_have_their_own_exit_codes()
    {
        var missing = await RunAsync(3, "batch", "show", Ids.Gtin13(), "NOPE");
        Assert.Contains("NotFound", missing, StringComparison.Ordinal);
        var invalid = await RunAsync(2, "batch", "show", "8930000000011", "L1");
        Assert.Contains("check digit", invalid, StringComparison.Ordinal);
        await RunAsync(64, "batch", "create", "--gtin");
    }

    [Fact]
    public async Task A_chain_report_counts_every_batch_at_a_stage_and_says_how_many_it_lists()
    {
        var world = await new World(fixture).RegisterAsync();
        var chainId = "rice-" + Ids.Lot().ToLowerInvariant();
        await fixture.Chains.DefineChainAsync(new DefineChainRequest
        {
            ChainId = chainId, Name = "Bac Lieu rice to Can Tho", Stages = { new Stage { Name = "production", ParticipantGlns = { world.Producer } } },
        });
        var lots = Enumerable.Range(0, 1003).Select(_ => Ids.Lot()).ToList();
        await Parallel.ForEachAsync(lots, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (lot, _) => await world.CreateBatchAsync(lot, chainId: chainId));

        var report = await fixture.Chains.GetChainReportAsync(new GetChainRequest { ChainId = chainId });
        var shown = await RunAsync(0, "chain", "report", chainId);

        var production = Assert.Single(report.Stages);
        Assert.Equal((1003, 1000, 1003), (production.BatchesHere, production.Batches.Count, report.BatchCount));
        Assert.Equal(lots.Order(StringComparer.Ordinal).Take(1000), production.Batches.Select(b => b.Lot));
        Assert.Contains(" (the first 1000 of 1003)", shown, StringComparison.Ordinal);
        Assert.Matches(@"production\s+1003\s", shown);
    }

    private Task<string> RunAsync(int expectedExit, params string[] args) => RunAsync(expectedExit, signed: true, args);

    // Signed: every call carries a token for the party it names (--dev-key); otherwise the kept token, if any.
    private async Task<string> RunAsync(int expectedExit, bool signed, string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        string[] globals = signed ? ["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}", "--dev-key", ServerProcess.TestKeyFile] : ["--server", $"http://127.0.0.1:{fixture.Server.GrpcPort}"];
        var exit = await CommandLine.RunAsync([.. globals, .. args], stdout, stderr);
        var output = stdout.ToString() + stderr;
        Assert.True(exit == expectedExit, $"'{string.Join(' ', args)}' exited {exit}, expected {expectedExit}:\n{output}");
        return output;
    }
}
