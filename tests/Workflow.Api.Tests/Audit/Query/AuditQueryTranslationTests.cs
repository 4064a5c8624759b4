using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Workflow.Api.Audit.Query;
using Workflow.Storage;
using Workflow.Storage.Providers;

using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Audit.Query;

/// <summary>
/// The audit query with every filter and a cursor translates on all three providers (SQL Server
/// included, without its server): plain comparisons joined by AND/OR, an ORDER BY on (At, Id), no OFFSET.
/// </summary>
public sealed class AuditQueryTranslationTests
{
    public static TheoryData<DatabaseProvider> Providers => OfflineContexts.Providers;

    private static CampaignDbContext Context(DatabaseProvider provider) => OfflineContexts.Create(provider);

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryFilterAndTheCursor_Translate_WithoutOffset(DatabaseProvider provider)
    {
        using var db = Context(provider);
        var at = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);
        var filter = new AuditFilter(Guid.NewGuid(), "district-education-bureau", "admin", "phase.transitioned", "study",
            "studyMobilization:1", at.AddDays(-30), at.AddDays(1), "分析", new AuditCursor.Position(at, 42));
        var sql = filter.Apply(db.History.AsNoTracking()).Take(51).ToQueryString();

        Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(@"ORDER BY [\[""]?h[\]""]?\.[\[""]?At[\]""]?, [\[""]?h[\]""]?\.[\[""]?Id[\]""]?", sql);
        Assert.Matches(@"\bOR\b", sql);
        if (provider == DatabaseProvider.SqlServer)
        {
            Assert.Contains("TOP(", sql, StringComparison.Ordinal);
            new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")) + Environment.NewLine + sql);
        }
    }
}
