using Microsoft.EntityFrameworkCore;

namespace Workflow.Storage.Providers;

/// <summary>Which of the three databases a context talks to, for the few statements that differ between them.</summary>
public static class DatabaseProviders
{
    public static DatabaseProvider Of(DbContext db) => db.Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        var other => throw new InvalidOperationException($"The EF Core provider '{other}' is not one this storage supports."),
    };
}
