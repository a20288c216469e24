using SupplyChain.Server.Hosting;

// Settings come from appsettings.json beside the binary, then environment variables and arguments.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new();
if (args.Contains("--probe"))
{
    return Probe.Run(server.HttpPort);
}

if (Authentication.Problem(builder.Configuration) is { } problem)
{
    Console.Error.WriteLine($"SupplyChain.Server: {problem}");
    return 2;
}

builder.AddSupplyChainSilo();
builder.AddSupplyChainTelemetry();
builder.AddSupplyChainAuthentication();
builder.AddSupplyChainEndpoints(server);

var app = builder.Build();
app.MapSupplyChainEndpoints(server);
app.Run();
return 0;

/// <summary>The server's entry point, visible to tests.</summary>
public partial class Program;
