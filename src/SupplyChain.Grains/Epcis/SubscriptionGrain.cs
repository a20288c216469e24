using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupplyChain.Abstractions.Epcis;
using SupplyChain.Domain.Epcis.Query;

namespace SupplyChain.Grains.Epcis;

/// <summary>Stored state of a subscription: its definition and its position (a reading under way, or where the next starts).</summary>
[GenerateSerializer]
[Alias("SupplyChain.SubscriptionState")]
public sealed class SubscriptionState
{
    [Id(0)]
    public Subscription? Subscription { get; set; }

    [Id(1)]
    public string? Resume { get; set; }

    [Id(2)]
    public DateTimeOffset Start { get; set; }

    [Id(3)]
    public long Deliveries { get; set; }

    [Id(4)]
    public long Events { get; set; }

    [Id(5)]
    public DateTimeOffset? LastQueuedAt { get; set; }
}

/// <summary>
/// A subscription's pump: every poll it hands its position to the application, which queues the next events as one
/// delivery; the new position is stored only after the delivery is, so a crash repeats a step and never skips one.
/// </summary>
public sealed class SubscriptionGrain(
    [PersistentState("subscription", StorageNames.Grains)] IPersistentState<SubscriptionState> state,
    IServiceProvider services,
    IOptions<SubscriptionOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionGrain> logger) : Grain, IEpcisSubscriptionGrain, IRemindable
{
    private const string Reminder = "subscription";
    private const int StepsPerPoll = 20;
    private IGrainTimer? _timer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Subscription is not null)
        {
            Poll();
        }

        return Task.CompletedTask;
    }

    public async Task<SubscriptionStatus> StartAsync(Subscription subscription)
    {
        if (state.State.Subscription is null)
        {
            state.State = new SubscriptionState { Subscription = subscription, Start = subscription.InitialRecordTime };
            await state.SaveAsync(DeactivateOnIdle);
            await this.RegisterOrUpdateReminder(Reminder, options.Value.RecoveryPeriod, options.Value.RecoveryPeriod);
            Poll();
        }

        return Status()!;
    }

    public Task<SubscriptionStatus?> GetAsync() => Task.FromResult(Status());

    public async Task<bool> StopAsync()
    {
        if (state.State.Subscription is null)
        {
            return false;
        }

        _timer?.Dispose();
        _timer = null;
        await state.ClearStateAsync();
        state.State = new SubscriptionState();
        if (await this.GetReminder(Reminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return true;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private SubscriptionStatus? Status() => state.State.Subscription is { } s
        ? new SubscriptionStatus(s, state.State.Start, state.State.Deliveries, state.State.Events, state.State.LastQueuedAt)
        : null;

    private void Poll() => _timer ??= this.RegisterGrainTimer(StepAsync, new GrainTimerCreationOptions(TimeSpan.Zero, options.Value.Poll) { KeepAlive = true });

    /// <summary>Steps until the reading is caught up (a page at a time, each stored), at most <see cref="StepsPerPoll"/> pages a poll.</summary>
    private async Task StepAsync(CancellationToken ct)
    {
        for (var i = 0; i < StepsPerPoll && state.State.Subscription is { } subscription; i++)
        {
            try
            {
                var step = await services.GetRequiredService<ISubscriptionPump>().StepAsync(subscription, state.State.Resume, state.State.Start, ct);
                if (step.QueryGone)
                {
                    logger.LogWarning("Subscription {Id}: its query {Query} is gone; the subscription stops", subscription.Id, subscription.QueryName);
                    await StopAsync();
                    return;
                }

                if (step.Resume == state.State.Resume && step.Start == state.State.Start)
                {
                    return;
                }

                state.State.Resume = step.Resume;
                state.State.Start = step.Start;
                if (step.Events > 0)
                {
                    state.State.Deliveries++;
                    state.State.Events += step.Events;
                    state.State.LastQueuedAt = clock.GetUtcNow();
                }

                await state.SaveAsync(DeactivateOnIdle);
                if (step.Resume is null)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Subscription {Id} could not take its next step; it tries again", subscription.Id);
                return;
            }
        }
    }
}
