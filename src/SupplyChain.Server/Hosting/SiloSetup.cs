using System.Net;
using Orleans.Configuration;
using Orleans.Dashboard;
using SupplyChain.Grains.Hosting;
using SupplyChain.Grains.Storage;

namespace SupplyChain.Server.Hosting;

/// <summary>The Orleans silo inside the server, with its grain storage in Azure Tables.</summary>
public static class SiloSetup
{
    public static WebApplicationBuilder AddSupplyChainSilo(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            UseClustering(silo, cluster, storage);
            silo.AddSupplyChainGrains(builder.Configuration);
            SiloLinkFault.AddTo(silo, builder.Configuration);
            silo.AddDashboard();
        });
        return builder;
    }

    private static void UseClustering(ISiloBuilder silo, ClusterOptions cluster, StorageOptions storage)
    {
        switch (cluster.Clustering.ToLowerInvariant())
        {
            case "localhost":
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
                return;
            case "azuretable":
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, cluster.ServiceId));
                silo.ConfigureEndpoints(IPAddress.Parse(cluster.AdvertisedAddress ?? "127.0.0.1"), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: cluster.AdvertisedAddress is not null);
                break;
            case "kubernetes":
                // Cluster id, service id and endpoints come from the pod (labels and POD_* variables).
                silo.UseKubernetesHosting();
                break;
            default:
                throw new InvalidOperationException($"Orleans:Clustering '{cluster.Clustering}' is not one of Localhost, AzureTable, Kubernetes");
        }

        silo.UseAzureStorageClustering(options =>
        {
            options.TableServiceClient = StorageOptions.Client(storage.ConnectionString);
            options.TableName = storage.TablePrefix + "silos";
        });

        // A dead silo is declared after two missed one-second probes, by one vote: callers move on within seconds.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = cluster.ProbeTimeout;
            // Orleans stretches a probe's timeout up to four times ProbeTimeout, and suppresses votes while a connection
            // carried a message within MaxProbeTimeout x NumMissedProbesLimit: capped here, so that window is 4 s, not 8 s.
            o.MaxProbeTimeout = 2 * cluster.ProbeTimeout;
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
    }
}
