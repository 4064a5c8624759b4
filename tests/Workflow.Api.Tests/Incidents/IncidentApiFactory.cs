using Microsoft.AspNetCore.Hosting;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Incidents;

/// <summary>
/// The API with one template whose phase has decisions that fault until their data is put right:
/// start ─► fork ─A─► prepare ─► check(variables.ready) ─True/False─► finish ─┐
///                └B─► supply ─► markReady(ready = true) ───────────────────────┴─► join(WaitAll) ─► confirm(variables.confirmed) ─True/False─► end
/// "check" faults while supply's branch has not set ready; "confirm" always faults (nothing sets confirmed), so it can only be skipped.
/// </summary>
public abstract class IncidentApiFactory : ApiFactory
{
    public const string TemplateId = "incident-campaign";

    private const string Phase = """
        {
          "definitionId": "incident-phase", "version": 1, "name": "异常处理流程",
          "variables": [
            { "id": "ready", "name": "ready", "typeName": "Object", "isArray": false, "value": "null" },
            { "id": "confirmed", "name": "confirmed", "typeName": "Object", "isArray": false, "value": "null" }
          ],
          "root": {
            "type": "Elsa.Flowchart", "id": "incident-flowchart",
            "activities": [
              { "id": "start", "type": "Elsa.Start" },
              { "id": "fork", "type": "Elsa.FlowFork", "branches": ["A", "B"] },
              { "id": "prepare", "type": "Campaign.Meeting", "assignee": "alice" },
              { "id": "check", "type": "Elsa.FlowDecision", "condition": { "expression": { "type": "JavaScript", "value": "variables.ready" } } },
              { "id": "finish", "type": "Campaign.Meeting", "assignee": "alice" },
              { "id": "supply", "type": "Campaign.Meeting", "assignee": "bob" },
              { "id": "markReady", "type": "Elsa.SetVariable", "variable": "ready", "value": { "expression": { "type": "JavaScript", "value": "true" } } },
              { "id": "join", "type": "Elsa.FlowJoin", "mode": "WaitAll" },
              { "id": "confirm", "type": "Elsa.FlowDecision", "condition": { "expression": { "type": "JavaScript", "value": "variables.confirmed" } } },
              { "id": "end", "type": "Elsa.End" }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "fork", "port": "In" } },
              { "source": { "activity": "fork", "port": "A" }, "target": { "activity": "prepare", "port": "In" } },
              { "source": { "activity": "fork", "port": "B" }, "target": { "activity": "supply", "port": "In" } },
              { "source": { "activity": "prepare", "port": "Done" }, "target": { "activity": "check", "port": "In" } },
              { "source": { "activity": "check", "port": "True" }, "target": { "activity": "finish", "port": "In" } },
              { "source": { "activity": "check", "port": "False" }, "target": { "activity": "finish", "port": "In" } },
              { "source": { "activity": "supply", "port": "Done" }, "target": { "activity": "markReady", "port": "In" } },
              { "source": { "activity": "finish", "port": "Done" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "markReady", "port": "Done" }, "target": { "activity": "join", "port": "In" } },
              { "source": { "activity": "join", "port": "Done" }, "target": { "activity": "confirm", "port": "In" } },
              { "source": { "activity": "confirm", "port": "True" }, "target": { "activity": "end", "port": "In" } },
              { "source": { "activity": "confirm", "port": "False" }, "target": { "activity": "end", "port": "In" } }
            ]
          }
        }
        """;

    private const string Template = """
        {
          "definitionId": "incident-campaign", "version": 1, "name": "异常事件测试",
          "phases": [ { "id": "work", "name": "办理", "workflow": { "definitionId": "incident-phase", "version": 1 } } ]
        }
        """;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var folder = Path.Combine(DataFolder, "workflows");
        Directory.CreateDirectory(Path.Combine(folder, "phases"));
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "phases", "incident-phase.json"), Phase);
        File.WriteAllText(Path.Combine(folder, "templates", "incident-campaign.json"), Template);
        builder.UseSetting("Definitions:Folder", folder);
    }
}

public sealed class IncidentSqliteFactory : IncidentApiFactory
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";
}

public sealed class IncidentPostgresFactory : IncidentApiFactory
{
    private readonly PostgresTestDatabase _database = new("incidents");

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
