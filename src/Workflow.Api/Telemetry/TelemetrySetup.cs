using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Workflow.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP (HTTP/protobuf) when an endpoint is
/// configured (<c>Telemetry:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>);
/// without one nothing is collected or exported, so an unobserved server pays nothing for it.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The meter Quartz.NET 4 reports its scheduler on.</summary>
    public const string QuartzMeterName = "Quartz";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WorkflowTelemetry>();
        var endpoint = configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return services;
        var baseUri = new Uri(endpoint.TrimEnd('/') + "/");
        // How often metrics are pushed and spans flushed; the OpenTelemetry defaults (60 s, 5 s) unless set.
        var interval = configuration.GetValue<int?>("Telemetry:ExportIntervalMilliseconds");
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("campaign-workflow-api", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp =>
                {
                    otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                    otlp.Endpoint = new Uri(baseUri, "v1/traces");
                    if (interval is { } delay) otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = delay;
                }))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowTelemetry.Name)
                // Quartz.NET's own instruments: trigger misfires (quartz.trigger.misfire), job runs, cluster check-ins and recoveries.
                .AddMeter(QuartzMeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter((otlp, reader) =>
                {
                    otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
                    otlp.Endpoint = new Uri(baseUri, "v1/metrics");
                    if (interval is { } period) reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = period;
                }));
        return services;
    }
}
