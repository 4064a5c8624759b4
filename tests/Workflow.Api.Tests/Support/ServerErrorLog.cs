using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The errors the host under test logged, with their exceptions: a 500 in a test says "server.error" and a trace id,
/// and only this says why.
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyCollection<string> Entries => entries;

    /// <summary>The logged errors carrying a trace id, or all of them when none does (for an assertion message).</summary>
    public string For(string? traceId)
    {
        var matching = traceId is null ? [] : entries.Where(e => e.Contains(traceId, StringComparison.Ordinal)).ToArray();
        return string.Join("\n---\n", matching.Length > 0 ? matching : entries);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ServerErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var activity = System.Diagnostics.Activity.Current?.Id;
            log.entries.Enqueue($"[{logLevel}] {category} trace={activity}: {formatter(state, exception)}\n{exception}");
        }
    }
}
