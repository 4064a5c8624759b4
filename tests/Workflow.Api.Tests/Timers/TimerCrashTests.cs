using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Identity;
using Workflow.Api.Tests.Support;
using Workflow.Storage;
using Workflow.Storage.Providers;

namespace Workflow.Api.Tests.Timers;

/// <summary>
/// A firing survives a SIGKILL: the API runs as a real process on a SQLite file, a test-only setting holds the
/// firing's transaction open before its commit, the process is killed right there, and after a restart the
/// delay is ended by the recovered sweep with its ledger entry written exactly once, the chain intact.
/// </summary>
public sealed class TimerCrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("timer-crash-").FullName;

    private string Database => Path.Combine(_folder, "campaigns.db");

    private IReadOnlyList<string> StorageArguments =>
        ["--Storage:Provider=Sqlite", $"--Storage:ConnectionString=Data Source={Database};Pooling=True", $"--Storage:DataFolder={_folder}"];

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Server(Process process, string url) : IDisposable
    {
        public string Url { get; } = url;
        public Process Process { get; } = process;
        public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }

    private Server Start(int port, params string[] extra)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Workflow.Api.dll"));
        foreach (var argument in (string[])["--urls", $"http://127.0.0.1:{port}", $"--Definitions:Folder={Path.Combine(_folder, "workflows")}",
                     "--Timers:Scheduler:SweepInterval=00:00:00.500", .. StorageArguments, .. extra])
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var server = new Server(Process.Start(start)!, $"http://127.0.0.1:{port}");
        server.Process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("timers: holding firing", StringComparison.Ordinal) == true) server.Holding.TrySetResult();
        };
        server.Process.ErrorDataReceived += (_, _) => { };
        server.Process.BeginOutputReadLine();
        server.Process.BeginErrorReadLine();
        return server;
    }

    private static async Task WaitReadyAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "the API process did not become ready within 60 s");
            await Task.Delay(200);
        }
    }

    private async Task<int> CountAsync(Guid campaignId, string kind)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        StorageRegistration.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Database};Pooling=False");
        await using var db = new CampaignDbContext(options.Options);
        return await db.History.CountAsync(h => h.CampaignId == campaignId && h.Kind == kind);
    }

    [Fact]
    public async Task KilledMidFiring_TheRestartedProcessFiresOnce()
    {
        TimerDefinitions.WriteFolder(_folder);
        var (exitCode, output, error) = await CreateKeyCommandTests.RunProgramAsync(
            ["create-key", "--principal", "crash-admin", "--roles", "admin", "--Definitions:Folder=" + Path.Combine(_folder, "workflows"), .. StorageArguments]);
        Assert.True(exitCode == 0, error);
        var key = output.Trim().Split('\n')[^1].Trim();

        var port = FreePort();
        Guid campaignId;
        using (var first = Start(port, "--Timers:Testing:HoldBeforeCommit=00:02:00"))
        {
            using var client = ApiFactory.WithKey(new HttpClient { BaseAddress = new Uri(first.Url) }, key);
            await WaitReadyAsync(client);
            var created = await client.PostJsonAsync("/api/v1/campaigns", TimerDefinitions.NewCampaign("crash-org", TimerDefinitions.CrashTemplateId));
            Assert.True(created.Status == HttpStatusCode.Created, created.Text);
            var url = created.Header("Location")!;
            campaignId = CampaignSteps.IdOf(url);
            await CampaignSteps.FireAsync(client, url, "start");

            // The two-second delay falls due; the sweep decides the firing and holds its transaction: kill it there.
            await first.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
            first.Process.Kill(); // SIGKILL on Linux
            await first.Process.WaitForExitAsync();
        }
        Assert.Equal(0, await CountAsync(campaignId, "delay.elapsed"));

        using var second = Start(port);
        using var again = ApiFactory.WithKey(new HttpClient { BaseAddress = new Uri(second.Url) }, key);
        await WaitReadyAsync(again);
        var watch = Stopwatch.StartNew();
        while (await CountAsync(campaignId, "delay.elapsed") == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the restarted process did not fire the delay within 30 s");
            await Task.Delay(200);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // several more sweeps
        Assert.Equal(1, await CountAsync(campaignId, "delay.elapsed"));
        Assert.Equal(1, await CountAsync(campaignId, "task.activated"));
        var verified = await again.GetJsonAsync($"/api/v1/audit/campaigns/{campaignId}/verify");
        Assert.True(verified.Json.GetProperty("intact").GetBoolean(), verified.Text);
    }
}
