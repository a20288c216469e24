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

    /// <summary>A PKCS#12 (.pfx) certificate: when set, the gRPC port speaks TLS (https) instead of cleartext HTTP/2.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The certificate file's password, if it has one.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>Orleans cluster settings.</summary>
public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    public string ClusterId { get; set; } = "supplychain";

    public string ServiceId { get; set; } = "supplychain";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Membership: Localhost (one process), AzureTable (many silos sharing a table), Kubernetes (pods, with AzureTable membership).</summary>
    public string Clustering { get; set; } = "Localhost";

    /// <summary>Address other silos reach this one at (AzureTable clustering); 127.0.0.1 when not set.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a silo may miss probes before it is declared dead; short, so that calls move on within seconds.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
