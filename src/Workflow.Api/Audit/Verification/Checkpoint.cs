using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Workflow.Engine.Canonical;

namespace Workflow.Api.Audit.Verification;

/// <summary>
/// A signed statement that a ledger stream had <see cref="Sequence"/> entries, the newest with
/// hash <see cref="HeadHash"/>, at <see cref="IssuedAt"/>. The signature (ES256, IEEE P1363,
/// base64url) covers the RFC 8785 canonical JSON of the other five members.
/// </summary>
public sealed record Checkpoint(Guid CampaignId, long Sequence, string HeadHash, string IssuedAt, string KeyId, string Signature)
{
    /// <summary>The signed bytes: canonical JSON of <c>{campaignId, sequence, headHash, issuedAt, keyId}</c>.</summary>
    public static byte[] SignedContent(Guid campaignId, long sequence, string headHash, string issuedAt, string keyId)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("campaignId", campaignId.ToString("D"));
            writer.WriteNumber("sequence", sequence);
            writer.WriteString("headHash", headHash);
            writer.WriteString("issuedAt", issuedAt);
            writer.WriteString("keyId", keyId);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return JsonCanonicalizer.Canonicalize(document.RootElement);
    }

    public static Checkpoint Issue(LedgerSigningKey key, Guid campaignId, long sequence, string headHash, DateTime at)
    {
        var issuedAt = Storage.UtcTime.Format(at);
        var signature = key.Sign(SignedContent(campaignId, sequence, headHash, issuedAt, key.KeyId));
        return new Checkpoint(campaignId, sequence, headHash, issuedAt, key.KeyId, Base64Url.EncodeToString(signature));
    }

    /// <summary>Whether the signature is <paramref name="key"/>'s over this checkpoint's content.</summary>
    public bool SignatureValid(LedgerSigningKey key)
    {
        if (!string.Equals(KeyId, key.KeyId, StringComparison.Ordinal)) return false;
        byte[] signature;
        try { signature = Base64Url.DecodeFromChars(Signature); }
        catch (FormatException) { return false; }
        return key.Verify(SignedContent(CampaignId, Sequence, HeadHash, IssuedAt, KeyId), signature);
    }

    /// <summary>Reads a checkpoint from JSON; null (with the reason) when a member is missing or of the wrong kind.</summary>
    public static Checkpoint? Parse(JsonElement json, out string? error)
    {
        error = null;
        if (json.ValueKind != JsonValueKind.Object) { error = "a checkpoint is a JSON object"; return null; }
        string? Text(string name) => json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var id = Text("campaignId");
        var head = Text("headHash");
        var issuedAt = Text("issuedAt");
        var keyId = Text("keyId");
        var signature = Text("signature");
        long sequence = 0;
        var hasSequence = json.TryGetProperty("sequence", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out sequence) && sequence >= 0;
        if (id is null || !Guid.TryParse(id, out var campaignId)) error = "campaignId must be a UUID";
        else if (!hasSequence) error = "sequence must be a whole number";
        else if (head is null) error = "headHash is required";
        else if (issuedAt is null) error = "issuedAt is required";
        else if (keyId is null) error = "keyId is required";
        else if (signature is null) error = "signature is required";
        else return new Checkpoint(campaignId, sequence, head, issuedAt, keyId, signature);
        return null;
    }

    /// <summary>A checkpoint passed in a URL: its JSON, base64url-encoded.</summary>
    public static Checkpoint? FromBase64Url(string text, out string? error)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(text));
            return Parse(document.RootElement, out error);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            error = "the checkpoint must be its JSON, base64url-encoded";
            return null;
        }
    }
}
