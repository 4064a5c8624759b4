using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workflow.Storage;
using Workflow.Storage.Providers;

using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Storage;

/// <summary>
/// The migrations of the three providers, checked without their servers: each matches the model
/// (no pending model changes), the SQL Server script is valid T-SQL that creates the expected
/// schema, and the three providers' models describe the same tables, columns and indexes.
/// </summary>
public sealed class MigrationTests
{
    private static readonly DatabaseProvider[] All = OfflineContexts.All;

    public static TheoryData<DatabaseProvider> Providers => OfflineContexts.Providers;

    private static readonly string[] ExpectedTables =
        ["campaigns", "history", "definitions", "definition_drafts", "api_keys", "idempotency_records", "work_items", "ledger_streams", "ledger_anchors", "signing_keys", "data_protection_keys",
         "outbox", "webhook_subscriptions", "webhook_deliveries", "notifications", "timers", "local_users", "organization_nodes", "organization_groups", "group_members", "role_grants"];

    private static CampaignDbContext Context(DatabaseProvider provider) => OfflineContexts.Create(provider);

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_MatchTheModel(DatabaseProvider provider)
    {
        using var db = Context(provider);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} migrations do not match the model: run dotnet ef migrations add for src/Workflow.Storage.{provider}.");
    }

    [Fact]
    public void SqlServerScript_IsValidTransactSql_AndCreatesTheSchema()
    {
        using var db = Context(DatabaseProvider.SqlServer);
        var script = db.GetService<IMigrator>().GenerateScript();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var fragment = parser.Parse(new StringReader(script), out var errors);
        Assert.True(errors.Count == 0,
            string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));

        var schema = new SchemaCollector();
        fragment.Accept(schema);
        foreach (var table in ExpectedTables) Assert.Contains(table, schema.Tables);
        Assert.Contains(schema.Indexes, i =>
            i is { Table: "history", Unique: true } && i.Columns.SequenceEqual(["CampaignId", "Sequence"]));
        Assert.Contains(schema.Indexes, i => i is { Table: "api_keys", Unique: true } && i.Columns.SequenceEqual(["Prefix"]));
        // The append-only trigger is created through EXEC (it must open a batch): parse its own text too.
        var start = script.IndexOf("EXEC(N'CREATE TRIGGER history_append_only", StringComparison.Ordinal);
        Assert.True(start >= 0, "The SQL Server script does not create the append-only trigger on history.");
        var body = script[(start + "EXEC(N'".Length)..script.IndexOf("');", start, StringComparison.Ordinal)].Replace("''", "'");
        parser.Parse(new StringReader(body), out var triggerErrors);
        Assert.Empty(triggerErrors);
        Assert.Contains("INSTEAD OF UPDATE, DELETE", body);
        // Every migration records itself in the history table.
        foreach (var migration in db.Database.GetMigrations()) Assert.Contains($"N'{migration}'", script);
    }

    [Fact]
    public void Providers_DescribeTheSameLogicalSchema()
    {
        var schemas = All.ToDictionary(p => p, p =>
        {
            using var db = Context(p);
            return LogicalSchema(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        });
        var sqlite = schemas[DatabaseProvider.Sqlite];
        Assert.Equal(ExpectedTables.Order(), sqlite.Select(t => t.Split(' ')[0]).Distinct().Order());
        Assert.Equal(sqlite, schemas[DatabaseProvider.SqlServer]);
        Assert.Equal(sqlite, schemas[DatabaseProvider.PostgreSql]);
    }

    /// <summary>One line per table, column (name, nullability), key and index; column types are provider-specific and left out.</summary>
    private static List<string> LogicalSchema(IRelationalModel model) =>
        model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(table =>
            table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"{table.Name} column {c.Name} {(c.IsNullable ? "null" : "not null")}")
                .Append($"{table.Name} primary key ({string.Join(", ", table.PrimaryKey!.Columns.Select(c => c.Name))})")
                .Concat(table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal)
                    .Select(i => $"{table.Name} {(i.IsUnique ? "unique " : "")}index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))})"))
                .Concat(table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => $"{table.Name} foreign key {f.Name}")))
            .ToList();

    private sealed record IndexInfo(string Table, string Name, bool Unique, IReadOnlyList<string> Columns);

    private sealed class SchemaCollector : TSqlFragmentVisitor
    {
        public List<string> Tables { get; } = [];

        public List<IndexInfo> Indexes { get; } = [];

        public override void Visit(CreateTableStatement node) => Tables.Add(node.SchemaObjectName.BaseIdentifier.Value);

        public override void Visit(CreateIndexStatement node) => Indexes.Add(new IndexInfo(
            node.OnName.BaseIdentifier.Value, node.Name.Value, node.Unique,
            node.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers[^1].Value).ToList()));
    }
}
