using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Workflow.Api.Tests.Support;

/// <summary>Everything a host logs, at every level, with the state's values and the scopes, as a log sink would receive it.</summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> entries = new();
    private IExternalScopeProvider? scopes;

    public string Text => string.Join('\n', entries);

    public int Count => entries.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log.scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new List<string>();
            log.scopes?.ForEachScope((scope, list) => list.Add(Describe(scope)), scopeText);
            log.entries.Enqueue($"[{logLevel}] {category}: {formatter(state, exception)} {Describe(state)} {string.Join(' ', scopeText)}\n{exception}");
        }

        private static string Describe(object? value) => value is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
            : value?.ToString() ?? "";
    }
}
