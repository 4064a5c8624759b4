using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Workflow.Benchmarks.Webhooks;

/// <summary>
/// A real HTTP listener on 127.0.0.1 that answers 200 at once and notes when each delivery arrived
/// (a Stopwatch timestamp), by the task completion it carries (campaign id and task id).
/// </summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ConcurrentDictionary<(Guid Campaign, string TaskId), long> Received { get; } = new();

    /// <summary>Requests that came more than once (the same webhook-id again), which a receiver drops.</summary>
    public int Repeats => _repeats;

    private int _repeats;

    public string Url { get; }

    public WebhookListener()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            var at = Stopwatch.GetTimestamp();
            using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                var data = body.RootElement.GetProperty("data");
                var key = (data.GetProperty("campaignId").GetGuid(), data.GetProperty("taskId").GetString() ?? "");
                if (!Received.TryAdd(key, at)) Interlocked.Increment(ref _repeats);
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
    }
}
