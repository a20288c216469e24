using Microsoft.Extensions.DependencyInjection;
using SupplyChain.Grains.Epcis;

namespace SupplyChain.Grains.Storage;

/// <summary>The batch log, its journal, the batch indexes and the chain ledgers in a silo's services.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddBatchStorage(this IServiceCollection services)
    {
        services.AddSingleton<Tables>();
        services.AddSingleton<BatchLogStore>();
        services.AddSingleton<BatchIndexStore>();
        services.AddSingleton<ChainLedgerStore>();
        services.AddSingleton<JournalStore>();
        services.AddSingleton<AlertLogStore>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<EpcisStore>();
        services.AddSingleton<RecordClock>();
        services.AddSingleton<EpcisIndexFeed>();
        services.AddSingleton<EpcisIndexWriter>();
        services.AddSingleton<ClusterHorizon>();
        services.AddSingleton<BatchJournal>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<BatchJournal>());
        return services;
    }
}
