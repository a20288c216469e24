extern alias server;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Telemetry = server::SupplyChain.Server.Hosting.Telemetry;

namespace SupplyChain.Server.Tests;

/// <summary>Spans are recorded only when something exports them; metrics always.</summary>
public sealed class TelemetrySetupTests
{
    private static (TracerProvider? Traces, MeterProvider? Metrics) Providers(params string[] settings)
    {
        var builder = WebApplication.CreateBuilder(settings);
        Telemetry.AddSupplyChainTelemetry(builder);
        using var app = builder.Build();
        return (app.Services.GetService<TracerProvider>(), app.Services.GetService<MeterProvider>());
    }

    [Fact]
    public void Without_an_exporter_no_spans_are_recorded_but_metrics_are()
    {
        var (traces, metrics) = Providers();

        Assert.Null(traces);
        Assert.NotNull(metrics);
    }

    [Theory]
    [InlineData("--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317")]
    [InlineData("--Telemetry:Traces=true")]
    public void With_an_exporter_spans_are_recorded(string setting)
    {
        var (traces, metrics) = Providers(setting);

        Assert.NotNull(traces);
        Assert.NotNull(metrics);
    }
}
