using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Api.Telemetry;

/// <summary>
/// The server's own traces and metrics, beside ASP.NET Core's and HttpClient's: one span per
/// campaign command, and the figures an operator of several nodes watches (commands per second by
/// outcome and their duration, webhook attempts by outcome, feed lag; the outbox's depth is a gauge
/// the dispatcher's status adds to this meter).
/// </summary>
public sealed class WorkflowTelemetry : IDisposable
{
    public const string Name = "Workflow.Api";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _feedLag;

    public WorkflowTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _commands = _meter.CreateCounter<long>("workflow.commands", "{command}", "Campaign commands, by outcome (applied, refused, replayed, conflict, …)");
        _commandDuration = _meter.CreateHistogram<double>("workflow.command.duration", "ms", "Time from the start of a campaign command to its commit or refusal");
        _deliveries = _meter.CreateCounter<long>("workflow.webhook.deliveries", "{attempt}",
            "Webhook delivery attempts, by outcome: succeeded, retrying (failed, tried again later) or dead (failed for the last time)");
        _feedLag = _meter.CreateHistogram<double>("workflow.feed.lag", "ms",
            "How long after it was written the newest entry became readable in this node's feed (the commit fence and the watcher's poll)");
    }

    /// <summary>The meter other components create their instruments on, so everything exports under one name.</summary>
    public Meter Meter => _meter;

    public void CommandFinished(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _commands.Add(1, tag);
        _commandDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void DeliveryAttempted(string outcome) => _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void FeedAdvanced(TimeSpan lag) => _feedLag.Record(Math.Max(0, lag.TotalMilliseconds));

    public void Dispose() => _meter.Dispose();
}
