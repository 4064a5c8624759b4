using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Workflow.Api.Tests.Support;

/// <summary>
/// The built app started with dotnet as an operator would: a real process on a real Kestrel port,
/// configured by environment variables. <see cref="Kill"/> is a SIGKILL (no shutdown, no flush),
/// for fault tests.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines;

    private ApiProcess(Process process, ConcurrentQueue<string> lines, Uri address)
    {
        _process = process;
        _lines = lines;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => string.Join("\n", _lines);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the app on a free loopback port and returns once it listens.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan? timeout = null)
    {
        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = StartInfo(environment);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Read(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lines.Enqueue(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups["url"].Value));
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The app exited:\n" + string.Join("\n", lines)));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ApiProcess(process, lines, await listening.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(90)));
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>Runs the program with arguments (an admin command) to its end: its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?> environment, IEnumerable<string> arguments)
    {
        var start = StartInfo(environment);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>SIGKILL: the process ends at once, wherever it is.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    public ValueTask DisposeAsync() => StopAsync(_process);

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Workflow.Api.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Storage__ConnectionString");
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        return start;
    }

    private static async ValueTask StopAsync(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}
