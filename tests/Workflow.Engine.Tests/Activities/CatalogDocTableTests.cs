using System.Text.RegularExpressions;
using Workflow.Engine.Activities;

namespace Workflow.Engine.Tests.Activities;

/// <summary>The catalog against its spec: the table in docs/definition-format.md, read at test time.</summary>
public sealed partial class CatalogDocTableTests
{
    /// <summary>One row of the doc's "Activity catalog" table, read from docs/definition-format.md.</summary>
    private sealed record DocRow(string Type, string Kind, string[] InputTokens, string[] ResultFields, string Ports);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();

    private static List<DocRow> ReadDocTable()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Workflow.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "docs", "definition-format.md"));
        var rows = new List<DocRow>();
        foreach (var line in lines.SkipWhile(l => l != "## Activity catalog").Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal)) continue;
            // "\|" inside a cell is an escaped pipe (WaitAll \| WaitAny), not a column break.
            var cells = line.Replace("\\|", "/", StringComparison.Ordinal).Split('|').Select(c => c.Trim()).ToArray();
            string[] Tokens(string cell) => [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value)];
            rows.Add(new DocRow(Tokens(cells[1])[0], cells[2], Tokens(cells[3]), Tokens(cells[4]), cells[5]));
        }
        return rows;
    }

    [Fact]
    public void Catalog_lists_exactly_the_doc_types_in_the_doc_order()
    {
        var documented = ReadDocTable().Select(r => r.Type).ToArray();
        Assert.Equal(16, documented.Length);
        Assert.Equal(documented, ActivityCatalog.All.Select(d => d.TypeName));
    }

    [Fact]
    public void Every_type_has_the_doc_kind_ports_and_result_fields_in_order()
    {
        foreach (var row in ReadDocTable())
        {
            var descriptor = ActivityCatalog.Find(row.Type)!;
            Assert.Equal(row.Kind, descriptor.Kind.ToString().ToLowerInvariant());
            Assert.Equal(row.ResultFields, descriptor.ResultFields.Select(f => f.Name));
            if (row.Ports.Contains("one per branch", StringComparison.Ordinal))
            {
                Assert.Empty(descriptor.OutboundPorts);
                Assert.Equal("branches", descriptor.PortsFromInput);
            }
            else
            {
                Assert.Equal(Backticked().Matches(row.Ports).Select(m => m.Groups[1].Value), descriptor.OutboundPorts);
                Assert.Null(descriptor.PortsFromInput);
            }
        }
    }

    [Fact]
    public void Every_doc_input_is_an_input_or_one_of_its_values()
    {
        string[] common =
        [
            "assignee", "dueInDays", "dueDate", "instructions", "forEach",
            "timeout", "remindBeforeDue", "remindOverdueEvery", "remindOverdueMax", "escalateTo", "escalateAfterDays",
        ];
        foreach (var row in ReadDocTable())
        {
            var descriptor = ActivityCatalog.Find(row.Type)!;
            var own = descriptor.Inputs.Where(i => !common.Contains(i.Name)).ToArray();
            var values = own.SelectMany(i => i.AllowedValues.IsDefault ? [] : i.AllowedValues).ToHashSet();
            Assert.All(row.InputTokens, token => Assert.True(descriptor.FindInput(token) is not null || values.Contains(token), $"{row.Type}: {token}"));
            Assert.All(own, input => Assert.Contains(input.Name, row.InputTokens));
        }
    }
}
