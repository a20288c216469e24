using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SupplyChain.Testing;

namespace SupplyChain.Server.Tests;

/// <summary>A webhook endpoint in the test process (a small Kestrel app): records every POST and answers as the test says.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication _app = null!;

    /// <summary>One POST as it came: the delivery it carries, which attempt, its signature header and body.</summary>
    public sealed record Received(string DeliveryId, int Attempt, string Signature, string ContentType, string Body, int Answered);

    public string Url { get; private set; } = "";

    public IReadOnlyList<Received> All => _received.ToList();

    /// <summary>Starts on a free port; <paramref name="answer"/> gives the status for the n-th POST (1, 2, ...) of a delivery.</summary>
    public static async Task<WebhookReceiver> StartAsync(Func<int, int> answer, TimeSpan? delay = null)
    {
        var receiver = new WebhookReceiver();
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var seen = new ConcurrentDictionary<string, int>();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (delay is { } wait)
            {
                await Task.Delay(wait);
            }

            var delivery = http.Request.Headers["X-SupplyChain-Delivery"].ToString();
            var status = answer(seen.AddOrUpdate(delivery, 1, (_, n) => n + 1));
            receiver._received.Enqueue(new Received(
                delivery, int.Parse(http.Request.Headers["X-SupplyChain-Attempt"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                http.Request.Headers["X-SupplyChain-Signature"].ToString(), http.Request.ContentType ?? "", body, status));
            receiver._arrived.Release();
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        (receiver._app, receiver.Url) = (app, $"http://127.0.0.1:{port}/hook");
        return receiver;
    }

    /// <summary>Waits, at most <paramref name="bound"/>, until what was received satisfies <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done, TimeSpan bound, string expected)
    {
        using var timeout = new CancellationTokenSource(bound);
        while (!done(All))
        {
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"within {bound.TotalSeconds} s the webhook did not get {expected}; it got {All.Count} POSTs: "
                    + string.Join("; ", All.Select(r => $"{r.DeliveryId} #{r.Attempt} -> {r.Answered}")));
            }
        }

        return All;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
