using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Audit.Query;
using Workflow.Storage;
using Workflow.Storage.Providers;

namespace Workflow.Benchmarks.Ledger;

/// <summary>
/// The memory of a full CSV export: the real export (the API's streaming writer) of the first
/// 100,000 and of all 1,000,000 entries to a counting sink, sampling the managed heap every
/// few milliseconds. Constant memory shows as the same peak for both sizes.
/// </summary>
public static class CsvExportMemory
{
    public static async Task RunAsync(TextWriter output)
    {
        var path = await LedgerGenerator.EnsureAsync(LedgerFile.DefaultPath, 1_000_000, output);
        await output.WriteLineAsync("| rows | seconds | CSV bytes | peak managed heap | allocated in total |");
        await output.WriteLineAsync("|---:|---:|---:|---:|---:|");
        foreach (var rows in new[] { 100_000, 1_000_000 })
        {
            await using var db = LedgerFile.OpenReadOnly(path);
            var filter = new AuditFilter(To: LedgerGenerator.Start.AddSeconds(rows));
            var sink = new CountingStream();
            var context = new DefaultHttpContext();
            context.Response.Body = sink;

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long peak = 0;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - baseline);
                    await Task.Delay(5);
                }
            });
            var clock = Stopwatch.StartNew();
            await AuditExports.Csv(filter.Apply(db.History)).ExecuteAsync(context);
            clock.Stop();
            await sampling.CancelAsync();
            await sampler;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            await output.WriteLineAsync($"| {rows:N0} | {clock.Elapsed.TotalSeconds:F1} | {sink.Length / 1_048_576.0:F0} MiB | {peak / 1_048_576.0:F1} MiB | {allocated / 1_048_576.0:F0} MiB |");
        }
    }

    /// <summary>Discards what is written and counts it, so the measurement is the export, not a buffer.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
