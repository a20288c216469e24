using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using SupplyChain.V1;

namespace SupplyChain.Server.Tests;

/// <summary>Webhooks: each alert POSTed, signed, until the receiver takes it; the delivery log; who may set and read them.</summary>
[Collection(ServerCollection.Name)]
public sealed class WebhookTests(ServerFixture fixture)
{
    private const string Secret = "whsec-0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private AlertService.AlertServiceClient Alerts => new(fixture.Server.Channel);

    [Fact]
    public async Task A_receiver_that_fails_three_times_gets_the_alert_on_the_fourth_attempt_signed_and_no_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync(nth => nth <= 3 ? 500 : 200);
        var world = await new World(fixture).RegisterAsync();
        var registered = await Alerts.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Producer, Url = receiver.Url, Secret = Secret });
        Assert.Equal((receiver.Url, ""), (registered.Url, registered.Secret));

        var lot = Ids.Lot();
        await world.CreateBatchAsync(lot, 100);
        await world.CheckAsync(lot, world.Producer, CheckpointKind.Production, new Measurement { Type = "moisture", Value = 14, Unit = "P1" });

        await receiver.WaitForAsync(all => all.Any(r => r.Answered == 200), Bound, "a delivery answered 200");

        // The outbox records an attempt once the receiver's answer is back, a moment after the receiver saw it.
        var log = await Alerts.ListDeliveriesAsync(new ListDeliveriesRequest { ParticipantGln = world.Producer });
        for (var waited = System.Diagnostics.Stopwatch.StartNew(); !log.Attempts.Any(a => a.Delivered) && waited.Elapsed < Bound;)
        {
            await Task.Delay(50);
            log = await Alerts.ListDeliveriesAsync(new ListDeliveriesRequest { ParticipantGln = world.Producer });
        }

        // Once the log says nothing is pending, nothing more can be sent: the outbox is empty.
        Assert.Equal((0, receiver.Url), (log.Pending, log.Url));
        var posts = receiver.All;
        Assert.Equal([1, 2, 3, 4], posts.Select(p => p.Attempt));
        Assert.Equal([500, 500, 500, 200], posts.Select(p => p.Answered));
        Assert.Single(posts.Select(p => p.DeliveryId).Distinct());
        Assert.Equal([200, 500, 500, 500], log.Attempts.Select(a => a.StatusCode));
        Assert.Equal([4, 3, 2, 1], log.Attempts.Select(a => a.Attempt));
        Assert.True(log.Attempts[0].Delivered && log.Attempts[0].NextAttemptAt is null);
        Assert.All(log.Attempts.Skip(1), a => Assert.True(!a.Delivered && a.NextAttemptAt is not null, $"attempt {a.Attempt} should name its next try"));

        // Each failure named its next try at least 200, 400, 800 ms on (the test server's first retry, doubling), and the next try waited for it.
        var oldest = log.Attempts.Reverse().ToList();
        for (var i = 0; i < 3; i++)
        {
            var (at, next) = (oldest[i].At.ToDateTimeOffset(), oldest[i].NextAttemptAt.ToDateTimeOffset());
            Assert.True(next - at >= TimeSpan.FromMilliseconds(200 << i), $"attempt {i + 1} should wait at least {200 << i} ms, waited {(next - at).TotalMilliseconds} ms");
            Assert.True(oldest[i + 1].At.ToDateTimeOffset() >= next, $"attempt {i + 2} came before its time {next:O}");
        }

        // The receiver checks the signature as README says: HMAC-SHA256 with the secret over "{t}.{body}".
        var post = posts[^1];
        Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
        var fields = post.Signature.Split(',').Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{fields["t"]}.{post.Body}")));
        Assert.Equal(expected, fields["v1"]);
        Assert.False(Domain.Deliveries.DeliverySignature.Verify("another-secret-entirely", post.Signature, post.Body));
        using var body = JsonDocument.Parse(post.Body);
        Assert.Equal(("CheckpointFailed", lot, 1L), (body.RootElement.GetProperty("kind").GetString(), body.RootElement.GetProperty("lot").GetString(), body.RootElement.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task A_webhook_url_that_is_not_absolute_http_or_a_short_secret_is_refused_naming_the_field()
    {
        var world = await new World(fixture).RegisterAsync();
        var refused = new List<RpcException>();
        foreach (var (url, secret) in new[] { ("ftp://example.com/hook", Secret), ("/hook", Secret), ("not a url", Secret), ("https://example.com/hook", "short") })
        {
            refused.Add(await Assert.ThrowsAsync<RpcException>(() => Alerts.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Producer, Url = url, Secret = secret }).ResponseAsync));
        }

        Assert.All(refused, e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(["url", "url", "url", "secret"], refused.Select(e => e.Status.Detail.Split(':')[0]));
        var log = await Alerts.ListDeliveriesAsync(new ListDeliveriesRequest { ParticipantGln = world.Producer });
        Assert.Equal("", log.Url);

        // With no secret named, the server makes one and returns it once.
        var made = await Alerts.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Producer, Url = "https://example.com/hook" });
        Assert.True(made.Secret.Length >= 32, $"a made secret should be long, got '{made.Secret}'");
    }

    [Fact]
    public async Task A_participant_may_not_set_or_read_another_participants_webhook_and_an_auditor_reads_its_log()
    {
        var world = await new World(fixture).RegisterAsync();
        var distributor = new AlertService.AlertServiceClient(fixture.Server.As(world.Distributor, "distributor"));
        var auditor = new AlertService.AlertServiceClient(fixture.Server.As(world.Auditor, "auditor"));

        var set = await Assert.ThrowsAsync<RpcException>(() => distributor.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Producer, Url = "https://example.com/hook", Secret = Secret }).ResponseAsync);
        var read = await Assert.ThrowsAsync<RpcException>(() => distributor.ListDeliveriesAsync(new ListDeliveriesRequest { ParticipantGln = world.Producer }).ResponseAsync);
        var auditorSets = await Assert.ThrowsAsync<RpcException>(() => auditor.RegisterWebhookAsync(new RegisterWebhookRequest { ParticipantGln = world.Producer, Url = "https://example.com/hook", Secret = Secret }).ResponseAsync);

        Assert.Equal([StatusCode.PermissionDenied, StatusCode.PermissionDenied, StatusCode.PermissionDenied], new[] { set, read, auditorSets }.Select(e => e.StatusCode));
        Assert.Equal("", (await auditor.ListDeliveriesAsync(new ListDeliveriesRequest { ParticipantGln = world.Producer })).Url);
    }
}
