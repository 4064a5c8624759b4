using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflow.Api.Tests.Support;
using Workflow.Api.Webhooks;

namespace Workflow.Api.Tests.Webhooks;

/// <summary>
/// The API with webhooks allowed to 127.0.0.1, three attempts per delivery, no background loop
/// (tests call DispatchOnceAsync) and a clock the test moves.
/// </summary>
public abstract class WebhookFactory : ApiFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public const int MaxAttempts = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
        builder.UseSetting("Webhooks:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Webhooks:PollInterval", "00:00:00");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    public WebhookDispatcher Dispatcher => Services.GetRequiredService<WebhookDispatcher>();
}

public sealed class WebhookSqliteFactory : WebhookFactory
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";
}

public sealed class WebhookPostgresFactory : WebhookFactory
{
    private readonly PostgresTestDatabase _database = new("hooks");

    protected override string Provider => "PostgreSql";

    protected override string ConnectionString => _database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await _database.CreateAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DropAsync();
    }
}
