namespace SupplyChain.Server.Hosting;

/// <summary>Where the server listens.</summary>
public sealed class ServerOptions
{
    public const string Section = "Server";

    /// <summary>Address to bind: 127.0.0.1 on a workstation, 0.0.0.0 in a container.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Cleartext HTTP/2 port for gRPC.</summary>
    public int GrpcPort { get; set; } = 5080;

    /// <summary>HTTP/1.1 port for health probes.</summary>
    public int HttpPort { get; set; } = 5081;
}

/// <summary>Orleans cluster settings.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "supplychain";

    public string ServiceId { get; set; } = "supplychain";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
