namespace Workflow.Api.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>The hosts subscriptions may point at (exact names or addresses); checked when a subscription is made and again before each send. Empty: none.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Attempts per delivery before it becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a node's claim on a delivery holds; past it another node may send it (the receiver then sees the same webhook-id twice).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each node's background dispatcher looks for work; 0 turns it off (tests call DispatchOnceAsync).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>Deliveries a node sends at the same time (each to a different campaign's stream, so order holds).</summary>
    public int Concurrency { get; set; } = 8;

    public bool IsAllowed(Uri url) =>
        AllowedHosts.Any(h => string.Equals(h.Trim(), url.IdnHost, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Trim(), url.Host, StringComparison.OrdinalIgnoreCase));

    /// <summary>Exponential back-off with equal jitter: half the doubled delay fixed, half random, capped.</summary>
    public TimeSpan Delay(int attempts, double random)
    {
        var exponent = Math.Min(attempts - 1, 30);
        var full = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(full / 2 + full / 2 * random);
    }
}
