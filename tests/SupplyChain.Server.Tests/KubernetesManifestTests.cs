extern alias server;

using System.Diagnostics;
using SupplyChain.Grains.Storage;
using SupplyChain.Testing;
using AuthOptions = server::SupplyChain.Server.Hosting.AuthOptions;
using ClusterOptions = server::SupplyChain.Server.Hosting.ClusterOptions;
using ServerOptions = server::SupplyChain.Server.Hosting.ServerOptions;

namespace SupplyChain.Server.Tests;

/// <summary>The rendered Kubernetes objects carry what the code reads: labels, variable names, ports, probe paths.</summary>
public sealed class KubernetesManifestTests
{
    [Theory]
    [InlineData("k8s/base")]
    [InlineData("k8s/overlays/local")]
    public async Task The_rendered_deployment_matches_the_settings_the_server_reads(string folder)
    {
        var yaml = await RenderAsync(folder);
        var defaults = (Server: new ServerOptions(), Cluster: new ClusterOptions());

        // Settings: environment variable names are Section__Property of the options the server binds.
        Assert.Contains($"name: {ClusterOptions.Section}__{nameof(ClusterOptions.Clustering)}\n          value: Kubernetes", yaml, StringComparison.Ordinal);
        Assert.Contains($"name: {ServerOptions.Section}__{nameof(ServerOptions.ListenAddress)}\n          value: 0.0.0.0", yaml, StringComparison.Ordinal);
        Assert.Contains($"name: {StorageOptions.Section}__{nameof(StorageOptions.ConnectionString)}", yaml, StringComparison.Ordinal);
        Assert.Contains($"name: {AuthOptions.Section}__{nameof(AuthOptions.Authority)}", yaml, StringComparison.Ordinal);
        Assert.Contains($"name: {AuthOptions.Section}__{nameof(AuthOptions.SigningKey)}\n", yaml, StringComparison.Ordinal);

        // Orleans Kubernetes hosting: pod labels and the variables it reads.
        foreach (var name in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" })
        {
            Assert.Contains($"name: {name}", yaml, StringComparison.Ordinal);
        }

        Assert.Contains("orleans/serviceId: supplychain", yaml, StringComparison.Ordinal);
        Assert.Contains("orleans/clusterId: supplychain", yaml, StringComparison.Ordinal);
        Assert.Contains("fieldPath: metadata.labels['orleans/serviceId']", yaml, StringComparison.Ordinal);
        Assert.Contains("serviceAccountName: supplychain", yaml, StringComparison.Ordinal);
        Assert.Contains("kind: PodDisruptionBudget", yaml, StringComparison.Ordinal);

        // Ports are the server's defaults, probes the paths it maps.
        Assert.Contains($"containerPort: {defaults.Server.GrpcPort}", yaml, StringComparison.Ordinal);
        Assert.Contains($"containerPort: {defaults.Server.HttpPort}", yaml, StringComparison.Ordinal);
        Assert.Contains($"containerPort: {defaults.Cluster.SiloPort}", yaml, StringComparison.Ordinal);
        Assert.Contains($"containerPort: {defaults.Cluster.GatewayPort}", yaml, StringComparison.Ordinal);
        Assert.Contains("path: /readyz", yaml, StringComparison.Ordinal);
        Assert.Contains("path: /healthz", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_overlay_runs_azurite_and_points_the_secret_at_it()
    {
        var yaml = await RenderAsync("k8s/overlays/local");
        Assert.Contains("image: mcr.microsoft.com/azure-storage/azurite", yaml, StringComparison.Ordinal);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1", Base64Decoded(yaml), StringComparison.Ordinal);
        Assert.Contains("image: supplychain:local", yaml, StringComparison.Ordinal);
    }

    /// <summary>The Secret's connection string: a base64 block under "connection-string: |".</summary>
    private static string Base64Decoded(string yaml)
    {
        var lines = yaml.Split('\n');
        var start = Array.FindIndex(lines, l => l.Trim() == "connection-string: |");
        Assert.True(start >= 0, "no connection-string in the rendered Secret");
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var block = lines.Skip(start + 1).TakeWhile(l => l.Length - l.TrimStart().Length > indent).Select(l => l.Trim());
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(block)));
    }

    private static async Task<string> RenderAsync(string folder)
    {
        var start = new ProcessStartInfo("kubectl", ["kustomize", Path.Combine(RepositoryPaths.Root, folder)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed: {error}");
        return output;
    }
}
