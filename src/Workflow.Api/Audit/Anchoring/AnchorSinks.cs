using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Database;
using Workflow.Storage;
using Workflow.Storage.Outbox;

namespace Workflow.Api.Audit.Anchoring;

/// <summary>
/// The configured sinks, kept as webhook subscriptions to <c>ledger.anchored</c> so that the outbox and
/// its dispatcher deliver anchors as they deliver everything else: retried with back-off, dead-lettered,
/// redeliverable. Each sink's subscription id is derived from its URL, so every node agrees on it.
/// </summary>
public static class AnchorSinks
{
    public const string CreatedBy = "configuration:anchoring";

    public static Guid SubscriptionId(string url) => new(SHA256.HashData(Encoding.UTF8.GetBytes("anchor-sink:" + url))[..16]);

    /// <summary>At start-up, after the migrations: one subscription per configured sink, the secret brought up to date; sinks no longer configured removed.</summary>
    public static async Task EnsureAsync(CampaignDbContext db, AnchoringOptions options, DateTime now, CancellationToken cancellationToken)
    {
        var wanted = new Dictionary<Guid, (string Url, string Secret)>();
        foreach (var sink in options.Sinks)
        {
            if (!Uri.TryCreate(sink.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https" or "file"))
                throw new StartupStopped($"Anchoring:Sinks has \"{sink.Url}\", which is not an http(s):// receiver or a file:/// folder.");
            if (url.IsFile)
                Directory.CreateDirectory(url.LocalPath);
            else if (sink.Secret is not { Length: > 6 } secret || !secret.StartsWith("whsec_", StringComparison.Ordinal) || !IsBase64(secret["whsec_".Length..]))
                throw new StartupStopped($"Anchoring:Sinks \"{sink.Url}\" needs a Secret (whsec_ followed by base64) for its receiver to verify the deliveries.");
            wanted[SubscriptionId(url.AbsoluteUri)] = (url.AbsoluteUri, sink.Secret ?? "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        }
        var existing = await db.WebhookSubscriptions.Where(s => s.CreatedBy == CreatedBy).ToListAsync(cancellationToken);
        foreach (var gone in existing.Where(s => !wanted.ContainsKey(s.Id))) db.WebhookSubscriptions.Remove(gone);
        foreach (var (id, (url, secret)) in wanted)
        {
            var row = existing.FirstOrDefault(s => s.Id == id);
            if (row is null)
                db.WebhookSubscriptions.Add(new WebhookSubscription
                {
                    Id = id, Url = url, Kinds = LedgerAnchoring.EntryKind, Secret = secret, CreatedBy = CreatedBy, CreatedAt = now,
                });
            else if (!new Uri(url).IsFile) row.Secret = secret;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (!cancellationToken.IsCancellationRequested)
        {
            // Another node starting at the same moment made the same rows (same ids): theirs stand.
            db.ChangeTracker.Clear();
        }
    }

    private static bool IsBase64(string text)
    {
        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text, bytes, out var written) && written >= 16;
    }
}
