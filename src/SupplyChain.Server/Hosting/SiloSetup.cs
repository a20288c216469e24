using Azure.Data.Tables;
using SupplyChain.Grains;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Server.Hosting;

/// <summary>The Orleans silo inside the server, with its grain storage in Azure Tables.</summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddSupplyChainSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection(StorageOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Tables>();
        builder.Services.AddSingleton<BatchLogStore>();
        builder.Services.AddSingleton<BatchIndexStore>();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            silo.AddAzureTableGrainStorage(StorageNames.Grains, options =>
            {
                options.TableServiceClient = new TableServiceClient(storage.ConnectionString);
                options.TableName = storage.TablePrefix + "grainstate";
            });
            silo.AddActivityPropagation();
        });
        return builder;
    }
}
