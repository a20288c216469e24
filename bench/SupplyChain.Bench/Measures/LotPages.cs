using System.Diagnostics;
using SupplyChain.Bench.Load;
using SupplyChain.Bench.Report;
using SupplyChain.Bench.Workload;

namespace SupplyChain.Bench.Measures;

/// <summary>
/// Row 8: the consumer page of a lot (GS1 Digital Link, HTML) whose backward genealogy holds over 100 batches, warm:
/// the latency one client sees (the server's render plus a local HTTP round trip) and the pages per second 16 clients get.
/// </summary>
public static class LotPages
{
    private const int Groups = 2;

    public static async Task RunAsync(BenchContext ctx)
    {
        var producer = await Producer.RegisterAsync(ctx.Host);
        var genealogy = await Genealogy.BuildAsync(producer, Groups, ctx);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
        var url = $"http://127.0.0.1:{ctx.Host.Server.HttpPort}/01/{producer.Gtin13}/10/{genealogy.Root}?lang=en";
        var clock = Stopwatch.StartNew();
        var size = await PageAsync(http, url, genealogy.Batches, ctx.Cancellation);
        var first = clock.Elapsed.TotalMilliseconds;
        ctx.Log($"first page of {genealogy.Batches} batches ({size:N0} bytes; every log read and verified from storage): {Text.Ms(first)}");

        await ctx.WarmUpAsync("lot page", _ => PageAsync(http, url, genealogy.Batches, ctx.Cancellation), 16);
        var calls = ctx.Options.Quick ? 200 : 1_000;
        var one = await ctx.RunsAsync("lot page, 1 client", _ => ctx.LoadAsync(calls, 1, _ => PageAsync(http, url, genealogy.Batches, ctx.Cancellation)));
        var many = await ctx.RunsAsync("lot page, 16 clients", _ => ctx.LoadAsync(calls * 4, 16, _ => PageAsync(http, url, genealogy.Batches, ctx.Cancellation)));

        var p50 = Stats.Median(one.Select(r => r.Percentile(50)));
        var rate = Stats.Median(many.Select(r => r.Rate));
        ctx.Rows.Add(new Row("8", $"lot page: GS1 Digital Link page (HTML) of a lot with a {genealogy.Batches}-batch genealogy, warm, 1 client p50 / 16 clients",
            $"{Text.Ms(p50)} / {Text.Rate(rate)}", $"1 client: {BenchContext.Latency(one)}; 16 clients: {BenchContext.Latency(many)}", "< 50 ms, >= 500 pages/s",
            Text.Met(p50 < 50 && rate >= 500),
            $"{size:N0}-byte page with every step back to {Groups * 25} origin lots; hash chains verified (kept per batch version for 5 minutes); " +
                $"first page after building (every log read from storage): {Text.Ms(first)}" + BenchContext.Problems(one.Concat(many))));
        ctx.AddCpu("8 lot page, 16 clients (per page)", many);
    }

    /// <summary>Gets the page and checks that it tells the whole story and that its records verified.</summary>
    private static async Task<int> PageAsync(HttpClient http, string url, int batches, CancellationToken ct)
    {
        var page = await http.GetStringAsync(url, ct);
        if (!page.Contains($"<dt>Lots in this story</dt><dd>{batches}</dd>", StringComparison.Ordinal) || !page.Contains("id=\"verified\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the page of {url} does not tell a verified story of {batches} batches");
        }

        return page.Length;
    }
}
