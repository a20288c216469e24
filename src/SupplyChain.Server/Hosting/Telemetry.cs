using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SupplyChain.Server.Hosting;

/// <summary>
/// OpenTelemetry metrics always; traces only when something exports them: over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT
/// is set, or to an exporter added in code when <c>Telemetry:Traces</c> is true. Recording spans that nobody reads
/// took about a quarter of the server's CPU per GetBatch.
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddSupplyChainTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var otel = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter("Microsoft.Orleans", Grains.SupplyChainMeter.Name)
                .AddAspNetCoreInstrumentation());
        if (otlp || builder.Configuration.GetValue<bool>("Telemetry:Traces"))
        {
            // The Azure SDK emits storage spans only when asked to.
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            otel.WithTracing(tracing => tracing
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Azure.*")
                .AddAspNetCoreInstrumentation());
        }

        if (otlp)
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }
}
