using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Telemetry;
using Workflow.Api.Tests.Support;
using static Workflow.Api.Tests.Support.SeedData;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// The server's metrics and traces: commands counted by outcome on its meter, and with an OTLP
/// endpoint configured, spans and metrics pushed to it (a real HTTP listener on loopback).
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task CommandsAreCountedByOutcome_OnTheServersMeter()
    {
        var api = new SqliteApiFactory();
        await api.InitializeAsync();
        try
        {
            var meters = api.Services.GetRequiredService<IMeterFactory>();
            var counted = new ConcurrentDictionary<string, long>();
            using var listener = new MeterListener();
            // Only this host's meter: other tests' servers run in the same process.
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == WorkflowTelemetry.Name && instrument.Meter.Scope == meters && instrument.Name == "workflow.commands")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "outcome") counted.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
            });
            listener.Start();

            var client = await api.AdminAsync();
            var campaign = await CampaignSteps.StartedAsync(client); // two commands applied
            var refused = await client.PostJsonAsync($"{campaign}/transitions", new { trigger = "advance" });
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            var first = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), ("Idempotency-Key", "telemetry-1"));
            var again = await client.PostJsonAsync($"{campaign}/tasks/studyMobilization:1/complete", Meeting("2023-03-01"), ("Idempotency-Key", "telemetry-1"));
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.Status, again.Status));

            Assert.Equal(3, counted.GetValueOrDefault("applied"));
            Assert.Equal(1, counted.GetValueOrDefault("refused"));
            Assert.Equal(1, counted.GetValueOrDefault("replayed"));
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_TracesAndMetricsArePushedToIt()
    {
        using var collector = new OtlpCollector();
        var api = new SqliteApiFactory();
        api.Settings["Telemetry:OtlpEndpoint"] = collector.Address;
        api.Settings["Telemetry:ExportIntervalMilliseconds"] = "300";
        await api.InitializeAsync();
        try
        {
            var client = await api.AdminAsync();
            await CampaignSteps.StartedAsync(client);
            var deadline = DateTime.UtcNow.AddSeconds(60); // a loaded machine exports late; the wait ends as soon as both arrive
            while (DateTime.UtcNow < deadline && !(collector.Contains("/v1/traces", "campaign.command") && collector.Contains("/v1/metrics", "workflow.commands")))
                await Task.Delay(100);
            Assert.True(collector.Contains("/v1/traces", "campaign.command"), "no span named campaign.command reached the collector: " + collector.Paths);
            Assert.True(collector.Contains("/v1/metrics", "workflow.commands"), "no workflow.commands metric reached the collector: " + collector.Paths);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>An OTLP/HTTP receiver: keeps each request's path and body (protobuf, whose strings are plain UTF-8).</summary>
    private sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

        public OtlpCollector()
        {
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Address);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public string Paths => string.Join(", ", _received.Select(r => r.Path));

        public bool Contains(string path, string text) =>
            _received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}
