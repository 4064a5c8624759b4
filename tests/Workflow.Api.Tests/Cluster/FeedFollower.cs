using System.Text.Json;

namespace Workflow.Api.Tests.Cluster;

/// <summary>
/// An integrator following GET /api/v1/events on one node, page after page with the cursor the
/// previous page gave, long-polling (wait=2) while nothing is new. When its node is down it waits for the
/// node to come back and goes on from the same cursor.
/// </summary>
public sealed class FeedFollower(ClusterNode node, string apiKey)
{
    private readonly List<(Guid Campaign, long Sequence)> _received = [];
    private readonly object _gate = new();
    private string _cursor = "0";

    public IReadOnlyList<(Guid Campaign, long Sequence)> Received
    {
        get { lock (_gate) return _received.ToList(); }
    }

    public int Count
    {
        get { lock (_gate) return _received.Count; }
    }

    public int Reconnects { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (node.Address is not { } address)
            {
                await Delay(100, cancellationToken);
                continue;
            }
            JsonElement page;
            try
            {
                var text = await http.GetStringAsync(new Uri(address, $"/api/v1/events?after={Uri.EscapeDataString(_cursor)}&limit=500&wait=2"), cancellationToken);
                page = JsonDocument.Parse(text).RootElement;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException
                                              || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Reconnects++;
                await Delay(100, cancellationToken);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var items = page.GetProperty("items");
            lock (_gate)
            {
                foreach (var item in items.EnumerateArray())
                    _received.Add((item.GetProperty("campaignId").GetGuid(), item.GetProperty("sequence").GetInt64()));
            }
            _cursor = page.GetProperty("cursor").GetString()!;
        }
    }

    private static async Task Delay(int milliseconds, CancellationToken cancellationToken)
    {
        try { await Task.Delay(milliseconds, cancellationToken); }
        catch (OperationCanceledException) { }
    }
}
