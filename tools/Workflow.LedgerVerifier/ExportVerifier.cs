using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Workflow.Engine.Canonical;

namespace Workflow.LedgerVerifier;

/// <summary>What the verifier found: intact with N entries and a head, or the first bad entry and why.</summary>
public sealed record VerificationReport(bool Intact, long Entries, string HeadHash, long? FirstBadSequence, string? Problem, IReadOnlyList<string> Notes);

/// <summary>
/// Checks a ledger export (<c>campaign-ledger-export/1</c>) on its own, without the server or its
/// database: the rules are restated here from the README so that this check does not lean on the
/// server's code. An entry's hash is the SHA-256 of the RFC 8785 canonical JSON of the entry
/// without its <c>id</c> and <c>hash</c> members; the first entry's previousHash is 64 zeros.
/// </summary>
public static class ExportVerifier
{
    public const string Format = "campaign-ledger-export/1";
    public static readonly string Genesis = new('0', 64);

    /// <summary>The members every entry has: the hashed ones, plus id and hash.</summary>
    public static readonly IReadOnlySet<string> HashedMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "campaignId", "sequence", "at", "kind", "actor", "onBehalfOf", "reason", "idempotencyKey", "correlationId", "organization",
        "beforeState", "afterState", "evidence", "definitionId", "definitionVersion", "phaseId", "taskId", "payload", "previousHash",
    };

    private static readonly IReadOnlySet<string> NotHashed = new HashSet<string>(StringComparer.Ordinal) { "id", "hash" };

    /// <summary>The lower-case hex SHA-256 an entry must carry as its hash.</summary>
    public static string EntryHash(JsonElement entry) => JsonCanonicalizer.Sha256Hex(entry, NotHashed);

    /// <summary>
    /// Verifies the export: its entries, its own checkpoint, and checkpoints kept from earlier
    /// (each must name an entry the export still has, with the same hash). <paramref name="publicKey"/>
    /// null means the key the export carries (noted as weaker).
    /// </summary>
    public static VerificationReport Verify(JsonElement export, ECDsa? publicKey, IEnumerable<(string Name, JsonElement Checkpoint)>? earlierCheckpoints = null) =>
        Verify(export, publicKey is null ? null : [publicKey], earlierCheckpoints);

    /// <summary>
    /// The same with a set of keys (a JWKS): each checkpoint is checked with the key its keyId names,
    /// so checkpoints signed before and after a rotation verify together.
    /// </summary>
    public static VerificationReport Verify(JsonElement export, IReadOnlyList<ECDsa>? publicKeys, IEnumerable<(string Name, JsonElement Checkpoint)>? earlierCheckpoints = null)
    {
        var notes = new List<string>();
        if (export.ValueKind != JsonValueKind.Object) throw new FormatException("the export is not a JSON object");
        if (Text(export, "format") != Format) throw new FormatException($"the export's format is not {Format}");
        var campaignId = Text(export, "campaignId") ?? throw new FormatException("the export has no campaignId");
        if (!export.TryGetProperty("entries", out var entries) || entries.ValueKind != JsonValueKind.Array)
            throw new FormatException("the export has no entries array");

        long count = 0;
        var last = Genesis;
        var hashes = new Dictionary<long, string>();
        VerificationReport Bad(long sequence, string problem) => new(false, count, last, sequence, problem, notes);

        foreach (var entry in entries.EnumerateArray())
        {
            var expected = count + 1;
            if (entry.ValueKind != JsonValueKind.Object) return Bad(expected, $"entry {expected} is not a JSON object");
            var names = entry.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var missing = HashedMembers.Concat(NotHashed).Where(n => !names.Contains(n)).ToList();
            var extra = names.Where(n => !HashedMembers.Contains(n) && !NotHashed.Contains(n)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
                return Bad(expected, $"entry {expected} does not have the ledger's members (missing: {string.Join(", ", missing)}; unknown: {string.Join(", ", extra)})");
            if (entry.GetProperty("sequence") is not { ValueKind: JsonValueKind.Number } s || !s.TryGetInt64(out var sequence))
                return Bad(expected, $"entry {expected}'s sequence is not a whole number");
            if (sequence > expected) return Bad(expected, $"entry {expected} is missing (the next entry is {sequence})");
            if (sequence < expected) return Bad(sequence, $"entry {sequence} appears again after entry {count}");
            if (Text(entry, "campaignId") != campaignId) return Bad(sequence, $"entry {sequence} belongs to {Text(entry, "campaignId")}, not {campaignId}");
            var stored = Text(entry, "hash");
            var computed = EntryHash(entry);
            if (stored != computed) return Bad(sequence, $"entry {sequence} was altered: stored hash {stored}, computed {computed}");
            var previous = Text(entry, "previousHash");
            if (previous != last)
                return Bad(sequence, sequence == 1
                    ? $"entry 1 does not start the chain: its previous hash is {previous}, not {Genesis}"
                    : $"entry {sequence} does not follow entry {count}: its previous hash is {previous}, entry {count}'s hash is {last}");
            count = sequence;
            last = computed;
            hashes[sequence] = computed;
        }

        ECDsa? embedded = null;
        try
        {
            if (publicKeys is null || publicKeys.Count == 0)
            {
                var pem = Text(export, "publicKeyPem") ?? throw new FormatException("no public key: pass --public-key or --jwks, the export carries none");
                embedded = ECDsa.Create();
                embedded.ImportFromPem(pem);
                publicKeys = [embedded];
                notes.Add("checkpoints were checked against the public key inside the export; pass --jwks with the key set obtained from the server (GET /api/v1/audit/jwks), or --public-key, to rule out a re-signed export");
            }
            var checkpoints = new List<(string Name, JsonElement Checkpoint)>();
            if (export.TryGetProperty("checkpoint", out var own) && own.ValueKind == JsonValueKind.Object) checkpoints.Add(("the export's checkpoint", own));
            else notes.Add("the export has no checkpoint of its own");
            foreach (var (name, earlier) in earlierCheckpoints ?? []) checkpoints.Add((name, earlier));
            if (checkpoints.Count == 0) notes.Add("no checkpoint: entries removed from the end could not be noticed");
            foreach (var (name, checkpoint) in checkpoints)
            {
                var problem = CheckCheckpoint(name, checkpoint, campaignId, count, hashes, publicKeys, out var sequence, out var note);
                if (problem is not null) return Bad(sequence, problem);
                notes.Add(note!);
            }
            return new(true, count, last, null, null, notes);
        }
        finally
        {
            embedded?.Dispose();
        }
    }

    /// <summary>A checkpoint must be signed by the key, be for this ledger, and name an entry the export has, with the same hash.</summary>
    private static string? CheckCheckpoint(string name, JsonElement checkpoint, string campaignId, long count, Dictionary<long, string> hashes,
        IReadOnlyList<ECDsa> publicKeys, out long sequence, out string? note)
    {
        note = null;
        sequence = checkpoint.TryGetProperty("sequence", out var cs) && cs.ValueKind == JsonValueKind.Number && cs.TryGetInt64(out var n) ? n : -1;
        var head = Text(checkpoint, "headHash");
        var keyId = Text(checkpoint, "keyId");
        var publicKey = publicKeys.FirstOrDefault(k => Jwks.KeyId(k) == keyId);
        if (publicKey is null)
            return publicKeys.Count == 1
                ? $"{name} names key {keyId}, not the public key given ({Jwks.KeyId(publicKeys[0])})"
                : $"{name} names key {keyId}, which is not among the {publicKeys.Count} keys given ({string.Join(", ", publicKeys.Select(Jwks.KeyId))})";
        if (!SignatureValid(checkpoint, publicKey))
            return $"{name}'s signature is not valid for its content and the public key";
        if (Text(checkpoint, "campaignId") != campaignId)
            return $"{name} is for {Text(checkpoint, "campaignId")}, not {campaignId}";
        if (sequence > count)
        {
            var signed = sequence;
            sequence = count + 1;
            return $"the newest entries after {count} are missing: {name} (issued {Text(checkpoint, "issuedAt")}) signed entry {signed} with hash {head}";
        }
        var atCheckpoint = sequence == 0 ? Genesis : hashes.GetValueOrDefault(sequence);
        if (atCheckpoint != head)
            return $"entry {sequence} has hash {atCheckpoint}, but {name} (issued {Text(checkpoint, "issuedAt")}) signed {head}";
        note = $"{name}: entry {sequence} with hash {head}, issued {Text(checkpoint, "issuedAt")}, signature valid (key {keyId})";
        return null;
    }

    /// <summary>ES256 (IEEE P1363, base64url) over the canonical JSON of the checkpoint's campaignId, sequence, headHash, issuedAt and keyId.</summary>
    public static bool SignatureValid(JsonElement checkpoint, ECDsa publicKey)
    {
        var signature = Text(checkpoint, "signature");
        if (signature is null) return false;
        byte[] bytes;
        try { bytes = Base64Url.DecodeFromChars(signature); }
        catch (FormatException) { return false; }
        return publicKey.VerifyData(JsonCanonicalizer.Canonicalize(checkpoint, new HashSet<string> { "signature" }), bytes,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
