using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using SupplyChain.Abstractions.Alerts;
using SupplyChain.Grains.Alerts;
using SupplyChain.Grains.Deliveries;
using SupplyChain.Grains.Epcis;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Grains.Hosting;

/// <summary>What every silo of the service runs with, whatever hosts it: the options, the batch storage, grain state and reminders in Azure Tables.</summary>
public static class GrainsSetup
{
    /// <summary>Adds the grains' services and storage, configured from the "Storage", "Alerts" and "Deliveries" sections.</summary>
    public static ISiloBuilder AddSupplyChainGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var alerts = configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new();
        var deliveries = configuration.GetSection(DeliveryOptions.Section).Get<DeliveryOptions>() ?? new();
        var subscriptions = configuration.GetSection(SubscriptionOptions.Section).Get<SubscriptionOptions>() ?? new();
        silo.Services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        silo.Services.Configure<AlertOptions>(configuration.GetSection(AlertOptions.Section));
        silo.Services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        silo.Services.Configure<SubscriptionOptions>(configuration.GetSection(SubscriptionOptions.Section));
        silo.Services.AddSingleton<DeliverySender>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddBatchStorage();
        silo.AddAzureTableGrainStorage(StorageNames.Grains, options =>
        {
            options.TableServiceClient = StorageOptions.Client(storage.ConnectionString);
            options.TableName = storage.TablePrefix + "grainstate";
        });

        // Reminders watch shipments in transit; they live in the same storage account.
        silo.UseAzureTableReminderService(options =>
        {
            options.TableServiceClient = StorageOptions.Client(storage.ConnectionString);
            options.TableName = storage.TablePrefix + "reminders";
        });
        var shortest = new[] { alerts.TransitCheckPeriod, deliveries.RecoveryPeriod, subscriptions.RecoveryPeriod }.Min();
        silo.Configure<ReminderOptions>(options =>
            options.MinimumReminderPeriod = shortest < options.MinimumReminderPeriod ? shortest : options.MinimumReminderPeriod);
        silo.AddActivityPropagation();
        return silo;
    }
}
