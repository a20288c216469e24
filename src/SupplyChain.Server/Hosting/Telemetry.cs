using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SupplyChain.Server.Hosting;

/// <summary>OpenTelemetry traces and metrics; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.</summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddSupplyChainTelemetry(this WebApplicationBuilder builder)
    {
        // The Azure SDK emits storage spans only when asked to.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Azure.*")
                .AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans", Api.CaptureMetrics.MeterName)
                .AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
