using System.Net.Http.Json;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Campaigns;
using Workflow.Benchmarks.Hosting;
using Workflow.Engine.Campaigns;
using Workflow.Engine.Flowchart;
using Workflow.Storage;
using Workflow.Storage.Outbox;

namespace Workflow.Benchmarks.Outbox;

/// <summary>
/// The durable write path of one task completion (studyMobilization:1 of a started seed campaign)
/// through the API's command service, on a SQLite file (WAL, synchronous=FULL) migrated by the API
/// itself, with the webhook dispatcher off: only what the command's transaction writes is measured.
/// The command writes one outbox row per ledger entry whether or not anyone subscribes (subscriptions
/// are read by the dispatcher, not by the command), so the baseline is the same command with the
/// outbox rows taken out of the transaction by an EF interceptor; the two other cases are the command
/// as shipped, without and with an active subscription.
/// </summary>
[MemoryDiagnoser]
public class OutboxWriteBenchmarks
{
    /// <summary>Commands per iteration: each needs a campaign of its own, made before the iteration.</summary>
    private const int Completions = 100;

    private static readonly JsonElement Meeting = JsonDocument.Parse("""{"heldOn": "2023-03-01"}""").RootElement.Clone();
    private static readonly RequestActor Actor = new("bench.participant", null, null, "bench");
    private readonly OutboxRemoval _removal = new();
    private BenchApi _api = null!;
    private HttpClient _client = null!;
    private readonly Queue<Guid> _campaigns = new();

    [GlobalSetup(Target = nameof(WithoutOutboxRow))]
    public void SetupWithoutOutbox()
    {
        _removal.Enabled = true;
        Start(subscribe: false);
    }

    [GlobalSetup(Target = nameof(WithOutboxRow))]
    public void SetupWithOutbox() => Start(subscribe: false);

    [GlobalSetup(Target = nameof(WithOutboxRowAndSubscription))]
    public void SetupWithSubscription() => Start(subscribe: true);

    private void Start(bool subscribe)
    {
        _api = new BenchApi(
            new Dictionary<string, string?> { ["Webhooks:PollInterval"] = "00:00:00", ["Timers:Scheduler:Enabled"] = "false" },
            services => services.ConfigureDbContext<CampaignDbContext>(o => o.AddInterceptors(_removal)));
        _client = _api.AdminClientAsync().GetAwaiter().GetResult();
        if (!subscribe) return;
        // Nothing listens there: the dispatcher is off, so nothing is sent.
        using var response = _client.PostAsJsonAsync("/api/v1/webhooks/subscriptions",
            new { url = "http://127.0.0.1:9/hook", kinds = new[] { "task.completed", "task.activated" } }).GetAwaiter().GetResult();
        SeedRequests.EnsureAsync(response).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void MakeCampaigns()
    {
        while (_campaigns.Count < Completions) _campaigns.Enqueue(SeedRequests.StartedCampaignAsync(_client).GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        using (var scope = _api.Services.CreateScope())
        {
            // The check that each case measured what it says: outbox rows, or none.
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            Console.WriteLine($"// outbox rows: {db.Outbox.Count():N0}, task completions: {db.History.Count(h => h.Kind == "task.completed"):N0}");
        }
        _client.Dispose();
        _api.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "task completion, outbox rows taken out (baseline)")]
    [InvocationCount(Completions)]
    public Task<CommandOutcome> WithoutOutboxRow() => CompleteAsync();

    [Benchmark(Description = "task completion with its outbox rows, no subscription")]
    [InvocationCount(Completions)]
    public Task<CommandOutcome> WithOutboxRow() => CompleteAsync();

    [Benchmark(Description = "task completion with its outbox rows, one active subscription")]
    [InvocationCount(Completions)]
    public Task<CommandOutcome> WithOutboxRowAndSubscription() => CompleteAsync();

    /// <summary>What POST /api/v1/campaigns/{id}/tasks/{taskId}/complete runs, without the HTTP around it.</summary>
    private async Task<CommandOutcome> CompleteAsync()
    {
        var campaign = _campaigns.Dequeue();
        await using var scope = _api.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<CampaignCommands>();
        var command = new CompleteTask(Actor.Principal, "studyMobilization:1", null, Meeting, null, null);
        var outcome = await commands.ExecuteAsync(campaign, null, Actor, "bench",
            (template, state, now) => CampaignEngine.Execute(template, state, command, now),
            _ => throw new InvalidOperationException("No idempotency key, so no stored response."), CancellationToken.None);
        return outcome is CommandApplied ? outcome : throw new InvalidOperationException($"The completion was not applied: {outcome}");
    }

    /// <summary>Detaches the outbox rows a SaveChanges is about to insert, when enabled (the baseline only).</summary>
    private sealed class OutboxRemoval : SaveChangesInterceptor
    {
        public bool Enabled { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Enabled && eventData.Context is { } db)
                foreach (var row in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
                    row.State = EntityState.Detached;
            return ValueTask.FromResult(result);
        }
    }
}
