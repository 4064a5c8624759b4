using System.Security.Cryptography;
using System.Text.Json;
using Workflow.LedgerVerifier;

// Workflow.LedgerVerifier EXPORT.json [--public-key KEY.pem | --jwks JWKS.json] [--checkpoint CHECKPOINT.json]... [--anchors FOLDER]...
// Exit codes: 0 intact, 1 not intact, 2 usage error (or an unreadable export or key).
const string Usage = "usage: Workflow.LedgerVerifier EXPORT.json [--public-key KEY.pem | --jwks JWKS.json] [--checkpoint CHECKPOINT.json]... [--anchors FOLDER]...";
string? exportPath = null, keyPath = null, jwksPath = null;
var checkpointPaths = new List<string>();
var anchorFolders = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--public-key" && i + 1 < args.Length) keyPath = args[++i];
    else if (args[i] == "--jwks" && i + 1 < args.Length) jwksPath = args[++i];
    else if (args[i] == "--checkpoint" && i + 1 < args.Length) checkpointPaths.Add(args[++i]);
    else if (args[i] == "--anchors" && i + 1 < args.Length) anchorFolders.Add(args[++i]);
    else if (args[i] is "-h" or "--help") { Console.WriteLine(Usage); return 0; }
    else if (!args[i].StartsWith('-') && exportPath is null) exportPath = args[i];
    else { Console.Error.WriteLine($"unknown argument {args[i]}\n{Usage}"); return 2; }
}
if (exportPath is null) { Console.Error.WriteLine(Usage); return 2; }
if (keyPath is not null && jwksPath is not null) { Console.Error.WriteLine($"give --public-key or --jwks, not both\n{Usage}"); return 2; }

try
{
    using var document = JsonDocument.Parse(File.ReadAllBytes(exportPath));
    var keys = new List<ECDsa>();
    if (keyPath is not null)
    {
        keys.Add(ECDsa.Create());
        keys[0].ImportFromPem(File.ReadAllText(keyPath));
    }
    if (jwksPath is not null)
    {
        using var jwks = JsonDocument.Parse(File.ReadAllBytes(jwksPath));
        keys.AddRange(Jwks.Read(jwks.RootElement));
    }
    var checkpoints = checkpointPaths.Select(p => (Name: $"checkpoint {Path.GetFileName(p)}", Checkpoint: JsonDocument.Parse(File.ReadAllBytes(p)).RootElement)).ToList();
    // An anchor folder (a sink of the server's scheduled anchoring) holds every anchor delivered to it: this ledger's checkpoints among them.
    var campaignId = document.RootElement.TryGetProperty("campaignId", out var id) ? id.GetString() : null;
    foreach (var folder in anchorFolders) checkpoints.AddRange(AnchorFolder.Checkpoints(folder, campaignId));
    var report = ExportVerifier.Verify(document.RootElement, keys, checkpoints);
    foreach (var key in keys) key.Dispose();
    if (report.Intact) Console.WriteLine($"intact: {report.Entries} entries, head {report.HeadHash}");
    else Console.WriteLine($"NOT intact: entry {report.FirstBadSequence}: {report.Problem} ({report.Entries} entries verified before it)");
    foreach (var note in report.Notes) Console.WriteLine($"note: {note}");
    return report.Intact ? 0 : 1;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or ArgumentException or CryptographicException)
{
    Console.Error.WriteLine($"cannot verify {exportPath}: {e.Message}");
    return 2;
}
