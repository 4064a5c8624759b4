using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflow.Api.Telemetry;
using Workflow.Api.Tests.Support;
using Workflow.Api.Tests.Webhooks;

namespace Workflow.Api.Tests.Operations;

/// <summary>
/// The figures an operator of several nodes watches, on the server's meter and Quartz.NET's: feed lag,
/// the outbox's depth, webhook attempts by outcome (failed ones apart), and scheduler misfires.
/// Each is read with a <see cref="MeterListener"/> scoped to one test host's meters.
/// </summary>
public sealed class OperatorMetricsTests
{
    /// <summary>Everything measured on one host's meters, by instrument and tag value ("" for all of an instrument's measurements).</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<(string Instrument, string Tag), double> _sums = new();
        private readonly ConcurrentDictionary<(string Instrument, string Tag), double> _last = new();
        private readonly ConcurrentDictionary<string, int> _counts = new();

        public Recorded(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope != scope) return;
                Published.Add($"{instrument.Meter.Name}/{instrument.Name}");
                if (instrument.Meter.Name is WorkflowTelemetry.Name or TelemetrySetup.QuartzMeterName) l.EnableMeasurementEvents(instrument);
            };
            void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                foreach (var key in new[] { "" }.Concat(tags.ToArray().Select(t => t.Value?.ToString() ?? "")))
                {
                    _sums.AddOrUpdate((instrument.Name, key), value, (_, sum) => sum + value);
                    _last[(instrument.Name, key)] = value;
                }
                _counts.AddOrUpdate(instrument.Name, 1, (_, n) => n + 1);
            }
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
            _listener.Start();
        }

        /// <summary>Every instrument on the host's meters, as meter/instrument: in a failure's message, it says what was there.</summary>
        public ConcurrentBag<string> Published { get; } = [];

        public string Measured => string.Join(", ", _sums.Keys.Select(k => $"{k.Instrument}[{k.Tag}]"));

        public double Sum(string instrument, string tag = "") => _sums.GetValueOrDefault((instrument, tag));

        public int Count(string instrument) => _counts.GetValueOrDefault(instrument);

        /// <summary>A gauge's current value: its callbacks are asked now.</summary>
        public double Gauge(string instrument, string tag)
        {
            _last.TryRemove((instrument, tag), out _);
            _listener.RecordObservableInstruments();
            return _last.TryGetValue((instrument, tag), out var value) ? value : double.NaN;
        }

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task FeedLag_OutboxDepth_AndDeliveryOutcomes_AreMeasured_AndReadyReportsTheDepth()
    {
        await using var accepting = new WebhookReceiver();
        await using var refusing = new WebhookReceiver { Answer = _ => (500, null) };
        var api = new SqliteApiFactory();
        api.Settings["Webhooks:AllowedHosts:0"] = "127.0.0.1";
        api.Settings["Webhooks:MaxAttempts"] = "2";
        // The second attempt 2–4 s after the first (equal jitter): long enough to see the delivery waiting.
        api.Settings["Webhooks:BaseDelay"] = "00:00:04";
        api.Settings["Webhooks:MaxDelay"] = "00:00:04";
        api.Settings["Webhooks:PollInterval"] = "00:00:00.100";
        await api.InitializeAsync();
        try
        {
            using var recorded = new Recorded(api.Services.GetRequiredService<IMeterFactory>());
            var admin = await api.AdminAsync();
            foreach (var url in new[] { accepting.Url, refusing.Url })
            {
                var created = await admin.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url, kinds = new[] { "campaign.created" } });
                Assert.True(created.Status == HttpStatusCode.Created, created.Text);
            }
            var status = api.Services.GetRequiredService<Workflow.Api.Webhooks.DispatcherStatus>();
            // Written after the watcher and the dispatcher have made a pass: the entry's lag is measured, not the head's age at start.
            await WaitUntilAsync(() => Task.FromResult(status.LastPassAt is not null));
            await Task.Delay(300);
            await CampaignSteps.CreateAsync(await api.ClientAsync("campaign-office", Workflow.Api.Identity.Roles.Operator), "metrics-1");

            await WaitUntilAsync(() => Task.FromResult(recorded.Count("workflow.feed.lag") >= 1));
            Assert.InRange(recorded.Sum("workflow.feed.lag") / recorded.Count("workflow.feed.lag"), 0, 30_000);

            // One delivery succeeds; the other fails and waits for its second attempt, counted by the gauge and by /health/ready.
            await WaitUntilAsync(() => Task.FromResult(recorded.Sum("workflow.webhook.deliveries", "succeeded") >= 1 && recorded.Sum("workflow.webhook.deliveries", "retrying") >= 1));
            await WaitUntilAsync(() => Task.FromResult(recorded.Gauge("workflow.outbox.depth", "delivery") is 1));
            Assert.Equal(0, recorded.Gauge("workflow.outbox.depth", "outbox"));
            var waiting = (await admin.GetJsonAsync("/health/ready")).Json.GetProperty("dispatcher");
            Assert.Equal(1, waiting.GetProperty("pendingDeliveries").GetInt64());

            // The second attempt fails for the last time: a dead letter, and nothing left waiting.
            await WaitUntilAsync(() => Task.FromResult(recorded.Sum("workflow.webhook.deliveries", "dead") >= 1));
            await WaitUntilAsync(() => Task.FromResult(recorded.Gauge("workflow.outbox.depth", "delivery") is 0));
            Assert.Equal((1, 1, 1), ((int)recorded.Sum("workflow.webhook.deliveries", "succeeded"), (int)recorded.Sum("workflow.webhook.deliveries", "retrying"),
                (int)recorded.Sum("workflow.webhook.deliveries", "dead")));
            var drained = (await admin.GetJsonAsync("/health/ready")).Json.GetProperty("dispatcher");
            Assert.Equal((0, 0), (drained.GetProperty("outboxDepth").GetInt64(), drained.GetProperty("pendingDeliveries").GetInt64()));
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    [Fact]
    public async Task ASchedulerHeldPastItsMisfireThreshold_CountsTheMisfire_OnQuartzsMeter()
    {
        var api = new SqliteApiFactory();
        api.Settings["Timers:Scheduler:SweepInterval"] = "00:00:01";
        api.Settings["Timers:Scheduler:MisfireThreshold"] = "00:00:01";
        await api.InitializeAsync();
        try
        {
            using var recorded = new Recorded(api.Services.GetRequiredService<IMeterFactory>());
            var scheduler = await api.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await WaitUntilAsync(() => Task.FromResult(scheduler.Status == SchedulerStatus.Running));
            // Not zero by assumption: on a loaded machine a one-second trigger can fall a second behind by itself.
            var before = recorded.Sum("quartz.trigger.misfire", "campaign-timers");
            // Held in standby for several sweep intervals: the sweep's trigger falls more than the threshold behind.
            await scheduler.Standby();
            await Task.Delay(TimeSpan.FromSeconds(4));
            await scheduler.Start();
            await WaitUntilAsync(() => Task.FromResult(recorded.Sum("quartz.trigger.misfire", "campaign-timers") > before), TimeSpan.FromSeconds(20),
                () => $"Measured: {recorded.Measured}. Published: {string.Join(", ", recorded.Published.Order())}");
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time. " + explain?.Invoke());
            await Task.Delay(50);
        }
    }
}
