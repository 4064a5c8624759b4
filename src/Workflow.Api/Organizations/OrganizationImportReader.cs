using System.Text;
using System.Text.Json;
using Workflow.Api.Errors;

namespace Workflow.Api.Organizations;

/// <summary>
/// Reads an organization import: CSV (<c>id,parent,kind,name_zh,name_en</c>, a header line first, fields quoted
/// as RFC 4180 says when they hold a comma or a quote, one unit a line) or a JSON array of objects with the same
/// fields. Each unreadable or invalid line is reported with its line number, all of them at once.
/// </summary>
public static class OrganizationImportReader
{
    public static readonly string[] Columns = ["id", "parent", "kind", "name_zh", "name_en"];

    /// <summary>One unit as the file gives it, checked against the rules of a single node.</summary>
    public sealed record Line(int Number, string Id, string? Parent, string Kind, string NameZh, string NameEn);

    /// <summary>A bad line: its number (for JSON, the line its object starts on) and why, as a problem code with arguments.</summary>
    public sealed record LineError(int Line, OrganizationNames.Refusal Reason);

    public static List<Line> ReadCsv(string text, List<LineError> errors)
    {
        var lines = new List<Line>();
        var rows = text.TrimStart('\uFEFF').Split('\n');
        var header = true;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i].TrimEnd('\r');
            if (row.Trim().Length == 0) continue;
            var fields = SplitCsv(row, out var error);
            if (fields is null)
            {
                errors.Add(new LineError(i + 1, Unreadable(error!)));
                continue;
            }
            if (header)
            {
                header = false;
                if (!fields.Select(f => f.Trim().ToLowerInvariant()).SequenceEqual(Columns))
                    errors.Add(new LineError(i + 1, Unreadable($"the first line must be the header {string.Join(",", Columns)}")));
                continue;
            }
            if (fields.Count != Columns.Length)
            {
                errors.Add(new LineError(i + 1, Unreadable($"{fields.Count} fields where {Columns.Length} belong ({string.Join(",", Columns)})")));
                continue;
            }
            Add(lines, errors, i + 1, fields[0], fields[1], fields[2], fields[3], fields[4]);
        }
        if (header) errors.Add(new LineError(1, Unreadable($"the file is empty; it needs the header {string.Join(",", Columns)}")));
        return lines;
    }

    public static List<Line> ReadJson(byte[] body, List<LineError> errors)
    {
        var lines = new List<Line>();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new LineError(1, Unreadable("a JSON import is an array of objects with " + string.Join(", ", Columns))));
                return lines;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var number = LineAt(body, reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new LineError(number, Unreadable("each entry is an object")));
                    continue;
                }
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                var bad = false;
                foreach (var property in element.RootElement.EnumerateObject())
                {
                    if (!Columns.Contains(property.Name) || values.ContainsKey(property.Name) || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        errors.Add(new LineError(number, Unreadable($"\"{property.Name}\" is not one of {string.Join(", ", Columns)} given once as a string")));
                        bad = true;
                        break;
                    }
                    values[property.Name] = property.Value.GetString();
                }
                if (!bad) Add(lines, errors, number, values.GetValueOrDefault("id"), values.GetValueOrDefault("parent"), values.GetValueOrDefault("kind"),
                    values.GetValueOrDefault("name_zh"), values.GetValueOrDefault("name_en"));
            }
        }
        catch (JsonException exception)
        {
            errors.Add(new LineError((int)(exception.LineNumber ?? 0) + 1, Unreadable("not valid JSON")));
        }
        return lines;
    }

    private static void Add(List<Line> lines, List<LineError> errors, int number, string? id, string? parent, string? kind, string? zh, string? en)
    {
        id = id?.Trim() ?? "";
        parent = string.IsNullOrWhiteSpace(parent) ? null : parent.Trim();
        zh = zh?.Trim() ?? "";
        en = en?.Trim() ?? "";
        kind = kind?.Trim() ?? "";
        var refusal = OrganizationNames.CheckId(id) ?? (parent is null ? null : OrganizationNames.CheckId(parent))
            ?? OrganizationNames.CheckKind(kind) ?? OrganizationNames.CheckNames(zh, en);
        if (refusal is not null) errors.Add(new LineError(number, refusal));
        else lines.Add(new Line(number, id, parent, kind, zh, en));
    }

    private static OrganizationNames.Refusal Unreadable(string error) => new(ProblemCodes.OrganizationImportLine, OrganizationNames.Args(("error", error)));

    private static int LineAt(byte[] body, long offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++) if (body[i] == (byte)'\n') line++;
        return line;
    }

    /// <summary>The fields of one CSV line; null with the reason when a quote is left open or stray text follows one.</summary>
    private static List<string>? SplitCsv(string row, out string? error)
    {
        error = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < row.Length && row[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= row.Length)
                    {
                        error = "a quoted field is not closed on its line";
                        return null;
                    }
                    if (row[i] == '"' && i + 1 < row.Length && row[i + 1] == '"') { field.Append('"'); i += 2; }
                    else if (row[i] == '"') { i++; break; }
                    else field.Append(row[i++]);
                }
                if (i < row.Length && row[i] != ',')
                {
                    error = "text follows a quoted field before the next comma";
                    return null;
                }
            }
            else
            {
                while (i < row.Length && row[i] != ',') field.Append(row[i++]);
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i >= row.Length) return fields;
            i++; // the comma
        }
    }
}
