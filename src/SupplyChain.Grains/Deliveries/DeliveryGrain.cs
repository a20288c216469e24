using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyChain.Abstractions.Deliveries;
using SupplyChain.Domain.Deliveries;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Deliveries;

/// <summary>
/// One destination's outbox: a timer tries each due delivery in turn, logs the attempt with its outcome, and waits
/// out the back-off of those that failed. While anything is pending a reminder is kept, so that after a crash the
/// destination activates again (on any silo) and goes on from what is stored.
/// </summary>
public sealed class DeliveryGrain(DeliveryStore store, DeliverySender sender, TimeProvider clock, IOptions<DeliveryOptions> options, ILogger<DeliveryGrain> logger)
    : Grain, IDeliveryGrain, IRemindable
{
    public const string Reminder = "deliveries";

    private string _destination = "";
    private DeliveryEndpoint? _endpoint;
    private IGrainTimer? _timer;
    private bool _reminded;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _destination = this.GetPrimaryKeyString();
        _endpoint = await store.ReadEndpointAsync(_destination, cancellationToken);
        if (_endpoint is not null && (await store.PendingAsync(_destination, cancellationToken)).Count > 0)
        {
            Arm(TimeSpan.Zero);
        }
    }

    public async Task ConfigureAsync(DeliveryEndpoint endpoint)
    {
        await store.SaveEndpointAsync(_destination, endpoint, clock.GetUtcNow());
        _endpoint = endpoint;
    }

    public async Task<bool> EnqueueAsync(Delivery delivery)
    {
        if (_endpoint is null || !await store.EnqueueAsync(_destination, delivery, clock.GetUtcNow()))
        {
            return false;
        }

        if (!_reminded)
        {
            await this.RegisterOrUpdateReminder(Reminder, options.Value.RecoveryPeriod, options.Value.RecoveryPeriod);
            _reminded = true;
        }

        Arm(TimeSpan.Zero);
        return true;
    }

    public Task<IReadOnlyList<DeliveryAttempt>> AttemptsAsync(int max) => store.AttemptsAsync(_destination, max);

    public async Task<int> PendingAsync() => (await store.PendingAsync(_destination)).Count;

    public async Task<bool?> DeliveredAsync(string deliveryId) => _endpoint is null ? null : await store.DeliveredAsync(_destination, deliveryId);

    public Task<DeliveryEndpoint?> EndpointAsync() => Task.FromResult(_endpoint);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Only wakes the destination: its activation arms the timer when deliveries are pending.
        _reminded = reminderName == Reminder || _reminded;
        if (_timer is null)
        {
            Arm(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    private void Arm(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    /// <summary>Tries every due delivery once, in the order queued, then sleeps until the next is due; with none left, drops the reminder.</summary>
    private async Task DeliverDueAsync(CancellationToken ct)
    {
        _timer = null;
        if (_endpoint is not { } endpoint)
        {
            return;
        }

        try
        {
            foreach (var due in (await store.PendingAsync(_destination, ct)).Where(p => p.NextAttemptAt <= clock.GetUtcNow()))
            {
                var attempt = due.Failures + 1;
                var at = clock.GetUtcNow();
                var (status, error) = await sender.PostAsync(endpoint, due.Delivery, attempt, ct);
                var made = status is >= 200 and < 300;
                var next = made ? (DateTimeOffset?)null : clock.GetUtcNow() + options.Value.Backoff.After(attempt);
                await store.RecordAsync(_destination, due, new DeliveryAttempt(due.Delivery.DeliveryId, attempt, at, status, error, next), ct);
            }

            var pending = await store.PendingAsync(_destination, ct);
            if (pending.Count > 0)
            {
                Arm(_timer is null ? pending.Min(p => p.NextAttemptAt) - clock.GetUtcNow() : TimeSpan.Zero);
            }
            else if (_timer is null && await this.GetReminder(Reminder) is { } reminder)
            {
                _reminded = false;
                await this.UnregisterReminder(reminder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage or the network failed: the outbox is as stored, so trying again later is safe.
            logger.LogWarning(ex, "Deliveries to {Destination} failed; they are tried again", _destination);
            Arm(options.Value.FirstRetry);
        }
    }
}
