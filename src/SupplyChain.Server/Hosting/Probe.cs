namespace SupplyChain.Server.Hosting;

/// <summary>"--probe": asks a running server whether it is alive, for container health checks (the image has no curl).</summary>
public static class Probe
{
    public static int Run(int httpPort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            return http.GetAsync($"http://127.0.0.1:{httpPort}/healthz").GetAwaiter().GetResult().IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
