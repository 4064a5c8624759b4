using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Workflow.Api.Tests.Webhooks;

/// <summary>A real HTTP listener on 127.0.0.1 that records what it receives and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<Received> _received = new();

    /// <summary>The answer to the n-th request (0-based): a status, and a Location for redirects.</summary>
    public Func<int, (int Status, string? Location)> Answer { get; set; } = _ => (200, null);

    public string Url { get; }

    public WebhookReceiver()
    {
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<Received> Requests => [.. _received];

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        var count = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new Received(context.Request.Url!.AbsolutePath, headers, body));
            var (status, location) = Answer(count++);
            context.Response.StatusCode = status;
            if (location is not null) context.Response.RedirectLocation = location;
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
