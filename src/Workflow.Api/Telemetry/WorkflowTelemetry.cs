using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Workflow.Api.Telemetry;

/// <summary>
/// The server's own traces and metrics, beside ASP.NET Core's and HttpClient's: one span per
/// campaign command, and the figures an operator of several nodes watches (commands per second by
/// outcome and their duration; the other components add their gauges and counters to this meter).
/// </summary>
public sealed class WorkflowTelemetry : IDisposable
{
    public const string Name = "Workflow.Api";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;

    public WorkflowTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _commands = _meter.CreateCounter<long>("workflow.commands", "{command}", "Campaign commands, by outcome (applied, refused, replayed, conflict, …)");
        _commandDuration = _meter.CreateHistogram<double>("workflow.command.duration", "ms", "Time from the start of a campaign command to its commit or refusal");
    }

    /// <summary>The meter other components create their instruments on, so everything exports under one name.</summary>
    public Meter Meter => _meter;

    public void CommandFinished(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _commands.Add(1, tag);
        _commandDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
