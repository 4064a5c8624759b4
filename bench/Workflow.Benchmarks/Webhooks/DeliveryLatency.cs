using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Benchmarks.Hosting;

namespace Workflow.Benchmarks.Webhooks;

/// <summary>
/// Commit-to-delivery latency of webhooks: the real API on Kestrel (127.0.0.1, SQLite file, its
/// dispatcher running as configured), one subscription to task.completed pointing at a real HTTP
/// listener, and task completions sent over HTTP at a steady rate (open loop: each is sent on
/// time whether or not the previous one was answered). The latency of an event is from the moment
/// its command was acknowledged (200) to the moment its delivery arrived at the listener.
/// </summary>
public static class DeliveryLatency
{
    /// <summary><c>delivery-latency [seconds=20] [events per second=100] [dispatcher poll interval, default as shipped]</c>.</summary>
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var rate = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var settings = new Dictionary<string, string?>();
        if (args.Length > 2) settings["Webhooks:PollInterval"] = args[2];
        var total = seconds * rate;
        var steps = SeedRequests.StudyTasks.Count;
        var campaigns = (total + steps - 1) / steps;

        await using var listener = new WebhookListener();
        await using var api = new BenchApi(settings);
        api.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var admin = await api.AdminClientAsync();
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var header in admin.DefaultRequestHeaders) client.DefaultRequestHeaders.Add(header.Key, header.Value);

        await output.WriteLineAsync($"API on {address}, listener on {listener.Url}; making {campaigns:N0} started campaigns…");
        var setup = Stopwatch.StartNew();
        var ids = new Guid[campaigns];
        await Parallel.ForAsync(0, campaigns, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => ids[i] = await SeedRequests.StartedCampaignAsync(client));
        using (var subscribed = await client.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = listener.Url, kinds = new[] { "task.completed" } }))
            await SeedRequests.EnsureAsync(subscribed);

        await output.WriteLineAsync($"  made in {setup.Elapsed.TotalSeconds:F0} s ({2 * campaigns / setup.Elapsed.TotalSeconds:F0} commands/s, 4 at a time)");
        await output.WriteLineAsync($"Sending {total:N0} task completions at {rate}/s for {seconds} s…");
        var acknowledged = new ConcurrentDictionary<(Guid, string), long>();
        var sendToAck = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var sends = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            // Campaign after campaign, then each one's next task: a campaign's tasks are 1/rate × campaigns apart.
            var campaign = ids[i % campaigns];
            var (taskId, body) = SeedRequests.StudyTasks[i / campaigns];
            sends.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                HttpResponseMessage response;
                try { response = await client.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/tasks/{taskId}/complete", body); }
                catch (TaskCanceledException)
                {
                    // Past the client's timeout: the server did not keep up with the rate.
                    failures.Add($"no answer within {client.Timeout.TotalSeconds:0} s");
                    return;
                }
                using var _ = response;
                var at = Stopwatch.GetTimestamp();
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
                acknowledged[(campaign, taskId)] = at;
                sendToAck.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(sends);
        var driven = Stopwatch.GetElapsedTime(start);

        // Every acknowledged completion must arrive; the wait is bounded so a lost one shows as missing, not as a hang.
        var waitUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 120;
        while (acknowledged.Keys.Any(k => !listener.Received.ContainsKey(k)) && Stopwatch.GetTimestamp() < waitUntil) await Task.Delay(100);
        var latencies = acknowledged
            .Where(a => listener.Received.ContainsKey(a.Key))
            .Select(a => Stopwatch.GetElapsedTime(a.Value, listener.Received[a.Key]).TotalMilliseconds).Order().ToList();
        var missing = acknowledged.Count - latencies.Count;

        await output.WriteLineAsync($"Sent {total:N0} in {driven.TotalSeconds:F1} s ({total / driven.TotalSeconds:F0}/s); acknowledged {acknowledged.Count:N0}, failed {failures.Count:N0}, " +
            $"delivered {latencies.Count:N0}, missing {missing:N0}, repeats {listener.Repeats:N0}; dispatcher poll interval {settings.GetValueOrDefault("Webhooks:PollInterval") ?? "as shipped"}");
        foreach (var failure in failures.GroupBy(f => f.Length > 120 ? f[..120] : f).OrderByDescending(g => g.Count()).Take(3)) await output.WriteLineAsync($"  failed {failure.Count():N0}×: {failure.Key}");
        var acks = sendToAck.Order().ToList();
        await output.WriteLineAsync("| | count | p50 | p95 | max |");
        await output.WriteLineAsync("|---|---:|---:|---:|---:|");
        await output.WriteLineAsync(Row("command sent → acknowledged", acks));
        await output.WriteLineAsync(Row("acknowledged → delivery received", latencies));
    }

    private static string Row(string name, List<double> sorted) => sorted.Count == 0
        ? $"| {name} | 0 | – | – | – |"
        : $"| {name} | {sorted.Count:N0} | {Percentile(sorted, 0.50):N0} ms | {Percentile(sorted, 0.95):N0} ms | {sorted[^1]:N0} ms |";

    /// <summary>Nearest rank.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
