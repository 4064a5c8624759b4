using Microsoft.AspNetCore.Http.HttpResults;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Query;

/// <summary>
/// The whole range of an audit query as CSV or NDJSON, streamed: the rows are read one at a time
/// (no tracking, never a list) and written to the response as they come, flushed every few rows,
/// so memory stays the same however long the ledger is.
/// </summary>
internal static class AuditExports
{
    private const int FlushEvery = 64;

    public const string CsvMediaType = "text/csv";
    public const string NdjsonMediaType = "application/x-ndjson";

    public static readonly string[] CsvColumns =
    [
        "id", "campaignId", "sequence", "at", "kind", "actor", "onBehalfOf", "reason", "idempotencyKey", "correlationId",
        "organization", "beforeState", "afterState", "evidence", "definitionId", "definitionVersion", "phaseId", "taskId",
        "payload", "previousHash", "hash",
    ];

    internal static Export Csv(IQueryable<HistoryEntry> query) => new Export(query, CsvMediaType + "; charset=utf-8", "csv", WriteCsvAsync);

    internal static Export Ndjson(IQueryable<HistoryEntry> query) => new Export(query, NdjsonMediaType + "; charset=utf-8", "ndjson", WriteNdjsonAsync);

    internal delegate Task Writer(HttpContext context, IAsyncEnumerable<HistoryEntry> entries, CancellationToken cancellationToken);

    internal sealed class Export(IQueryable<HistoryEntry> query, string contentType, string extension, Writer write) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var response = context.Response;
            response.ContentType = contentType;
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            response.Headers.ContentDisposition = $"attachment; filename=ledger-{stamp}.{extension}";
            response.Headers.CacheControl = "no-store";
            await write(context, query.AsNoTracking().AsAsyncEnumerable(), context.RequestAborted);
            await response.BodyWriter.FlushAsync(context.RequestAborted);
        }
    }

    private static async Task WriteCsvAsync(HttpContext context, IAsyncEnumerable<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        var body = context.Response.BodyWriter;
        // The byte order mark: spreadsheet programs read the file as UTF-8 (and show Chinese) only with it.
        body.Write(Encoding.UTF8.Preamble);
        var line = new StringBuilder();
        foreach (var column in CsvColumns) AppendCell(line, column);
        WriteLine(body, line);
        var rows = 0;
        await foreach (var h in entries.WithCancellation(cancellationToken))
        {
            AppendCell(line, h.Id.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, h.CampaignId.ToString("D"));
            AppendCell(line, h.Sequence.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, UtcTime.Format(h.At));
            AppendCell(line, h.Kind);
            AppendCell(line, h.Actor);
            AppendCell(line, h.OnBehalfOf);
            AppendCell(line, h.Reason);
            AppendCell(line, h.IdempotencyKey);
            AppendCell(line, h.CorrelationId);
            AppendCell(line, h.Organization);
            AppendCell(line, h.BeforeState);
            AppendCell(line, h.AfterState);
            AppendCell(line, h.Evidence);
            AppendCell(line, h.DefinitionId);
            AppendCell(line, h.DefinitionVersion.ToString(CultureInfo.InvariantCulture));
            AppendCell(line, h.PhaseId);
            AppendCell(line, h.TaskId);
            AppendCell(line, h.Payload);
            AppendCell(line, h.PreviousHash);
            AppendCell(line, h.Hash);
            WriteLine(body, line);
            if (++rows % FlushEvery == 0) await body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>
    /// One RFC 4180 cell: quoted when it holds a comma, quote or line break (quotes doubled). A cell that a
    /// spreadsheet would read as a formula (= + - @, or tab / carriage return first) gets a leading single quote.
    /// </summary>
    internal static void AppendCell(StringBuilder line, string? value)
    {
        if (line.Length > 0) line.Append(',');
        if (string.IsNullOrEmpty(value)) return;
        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(text);
            return;
        }
        line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static void WriteLine(IBufferWriter<byte> body, StringBuilder line)
    {
        line.Append("\r\n");
        Encoding.UTF8.GetBytes(line.ToString(), body);
        line.Clear();
    }

    private static async Task WriteNdjsonAsync(HttpContext context, IAsyncEnumerable<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = context.Response.BodyWriter;
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder });
        var rows = 0;
        await foreach (var h in entries.WithCancellation(cancellationToken))
        {
            // The same object as an item of the JSON pages, on one line.
            JsonSerializer.Serialize(json, AuditEntryView.Of(h), options);
            json.Flush();
            json.Reset();
            body.Write("\n"u8);
            if (++rows % FlushEvery == 0) await body.FlushAsync(cancellationToken);
        }
    }
}
