using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// What an integrator does against a cluster: every command carries an Idempotency-Key, and a
/// command whose connection fails (its node was killed) is sent again, with the same key, to the
/// next node until it is acknowledged. Acknowledged commands are logged for the checks afterwards.
/// </summary>
public sealed class ClusterClient(IReadOnlyList<ClusterNode> nodes, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private int _next;

    /// <summary>How many commands each node acknowledged.</summary>
    public ConcurrentDictionary<int, int> AcknowledgedBy { get; } = new();

    /// <summary>Idempotency key → the ledger kind its command writes once.</summary>
    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();

    public int ConnectionFailures => _connectionFailures;

    private int _connectionFailures;

    /// <summary>Sends the command until a node acknowledges it; returns the response (2xx only, else it throws).</summary>
    public async Task<(HttpResponseMessage Response, string Body)> CommandAsync(
        string path, object body, string idempotencyKey, string writesKind, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            var node = nodes[(Interlocked.Increment(ref _next) + attempt) % nodes.Count];
            if (node.Address is not { } address)
            {
                await Task.Delay(20, cancellationToken);
                continue;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path)) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", apiKey);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            try
            {
                var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Acknowledged[idempotencyKey] = writesKind;
                    AcknowledgedBy.AddOrUpdate(node.Index, 1, (_, n) => n + 1);
                    return (response, text);
                }
                throw new InvalidOperationException($"{path} ({idempotencyKey}) on node {node.Index}: {(int)response.StatusCode} {text}");
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The node went away mid-request: the same key goes to another node.
                Interlocked.Increment(ref _connectionFailures);
                if (DateTime.UtcNow - started > TimeSpan.FromSeconds(60)) throw;
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    /// <summary>A read from one given node (it must be up).</summary>
    public async Task<JsonElement> GetAsync(ClusterNode node, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node.Address!, path));
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} on node {node.Index}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> PostAsync(ClusterNode node, string path, object body, CancellationToken cancellationToken, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.Address!, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected) throw new InvalidOperationException($"POST {path} on node {node.Index}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
