extern alias server;

using System.Reflection;

namespace SupplyChain.Server.Tests;

/// <summary>The gRPC services are mappings onto the application layer: they reach no store and no grain of their own.</summary>
public sealed class LayeringTests
{
    private static readonly Type[] Services =
    [
        typeof(server::SupplyChain.Server.Api.BatchApi),
        typeof(server::SupplyChain.Server.Api.TraceApi),
        typeof(server::SupplyChain.Server.Api.ChainApi),
        typeof(server::SupplyChain.Server.Api.ParticipantApi),
        typeof(server::SupplyChain.Server.Api.AlertApi),
    ];

    [Fact]
    public void No_type_of_the_server_s_api_takes_a_store()
    {
        var api = Services[0].Assembly.GetTypes().Where(t => t.Namespace == "SupplyChain.Server.Api");
        var stores = api
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).SelectMany(c => c.GetParameters()).Select(p => $"{t.Name}({p.ParameterType.Name})"))
            .Where(p => p.Contains("Store)", StringComparison.Ordinal))
            .ToList();

        Assert.True(stores.Count == 0, $"expected no store in the server's api, found {string.Join(", ", stores)}");
    }

    [Fact]
    public void The_grpc_services_take_only_application_commands_and_queries()
    {
        var taken = Services.SelectMany(s => s.GetConstructors().Single().GetParameters().Select(p => (Service: s.Name, Type: p.ParameterType))).ToList();

        var foreign = taken.Where(t => t.Type.Namespace?.StartsWith("SupplyChain.Application", StringComparison.Ordinal) != true && t.Type.Name != "AlertStreams").ToList();
        Assert.True(foreign.Count == 0, $"expected only application types, found {string.Join(", ", foreign.Select(f => $"{f.Service}({f.Type.FullName})"))}");
        Assert.Contains(taken, t => t.Type.Name == "BatchQueries");
    }

    [Fact]
    public void The_epcis_door_takes_no_grain_and_no_store()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var door = Services[0].Assembly.GetTypes().Where(t => t.Namespace == "SupplyChain.Server.Epcis").ToList();
        var taken = door.SelectMany(t => t.GetConstructors(all).Cast<MethodBase>().Concat(t.GetMethods(all)).SelectMany(m => m.GetParameters()).Select(p => $"{t.Name}({p.ParameterType.Name})"));

        var reached = taken.Where(p => p.Contains("Grain", StringComparison.Ordinal) || p.Contains("ClusterClient", StringComparison.Ordinal) || p.Contains("Store)", StringComparison.Ordinal)).ToList();

        Assert.Contains(door, t => t.Name == "EpcisEndpoints");
        Assert.True(reached.Count == 0, $"expected the EPCIS door to map onto the application layer only, found {string.Join(", ", reached)}");
    }
}
