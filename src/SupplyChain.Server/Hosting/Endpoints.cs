using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Dashboard;
using SupplyChain.Application;
using SupplyChain.Server.Api;
using SupplyChain.Server.Epcis;
using SupplyChain.Server.Links;

namespace SupplyChain.Server.Hosting;

/// <summary>The server's two ports and what answers on them: gRPC on HTTP/2; pages, probes and the dashboard on HTTP/1.1.</summary>
public static class Endpoints
{
    public static WebApplicationBuilder AddSupplyChainEndpoints(this WebApplicationBuilder builder, ServerOptions server)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            HeaderLimits.Apply(kestrel.Limits);
            var address = System.Net.IPAddress.Parse(server.ListenAddress);
            kestrel.Listen(address, server.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (server.CertificatePath is { Length: > 0 } certificate)
                {
                    listen.UseHttps(certificate, server.CertificatePassword);
                }
            });
            kestrel.Listen(address, server.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.AddDigitalLinks();
        builder.AddEpcis();
        builder.Services.AddSupplyChainApplication();
        builder.Services.AddSingleton<ErrorMapping>();
        builder.Services.AddSingleton<AlertStreams>();
        builder.Services.AddSingleton<Access>();
        // Refusals raised by the access check are mapped too: ErrorMapping runs first, around it.
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<ErrorMapping>();
            grpc.Interceptors.Add<Access>();
        });
        builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.MaxReceiveMessageSize = Domain.Bounds.MessageBytes);
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health => health.UseHealthChecksCache = false).AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapSupplyChainEndpoints(this WebApplication app, ServerOptions server)
    {
        app.MapGrpcService<ParticipantApi>();
        app.MapGrpcService<BatchApi>();
        app.MapGrpcService<ChainApi>();
        app.MapGrpcService<TraceApi>();
        app.MapGrpcService<AlertApi>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        // The Orleans dashboard is for browsers: served on the HTTP/1.1 port only.
        app.MapOrleansDashboard(routePrefix: "/dashboard").RequireHost($"*:{server.HttpPort}");
        app.MapDigitalLinks(server.HttpPort);
        app.MapEpcis(server.HttpPort);
        SiloLinkFault.MapTo(app, server.HttpPort);
        app.MapGet("/", () => "SupplyChain: gRPC on port " + server.GrpcPort + " (HTTP/2); see README.md");
        return app;
    }
}
