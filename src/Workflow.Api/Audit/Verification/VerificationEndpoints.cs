using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Workflow.Api.Campaigns;
using Workflow.Api.Errors;
using Workflow.Api.Identity;
using Workflow.Storage;
using Workflow.Storage.History;

namespace Workflow.Api.Audit.Verification;

/// <summary>Tamper evidence for auditors: recompute a ledger's chain, sign and check checkpoints, export a ledger for offline checks.</summary>
public static class VerificationEndpoints
{
    public sealed record SigningKeyView(string Algorithm, string PublicKeyPem, JwkView Jwk, string KeyId);

    public sealed record JwkView(string Kty, string Crv, string X, string Y, string Alg, string Use, string Kid);

    /// <summary>A JSON Web Key Set (RFC 7517): every key of the ring, current and retired, oldest first.</summary>
    public sealed record JwksView(IReadOnlyList<JwkView> Keys);

    /// <summary>The ring after a rotation: the new current kid, and the one it retired.</summary>
    public sealed record RotationView(string Kid, string? Retired);

    /// <summary>The name Data Protection isolates its keys under: the same on every server, wherever it is installed.</summary>
    public const string DataProtectionApplication = "campaign-workflow";

    public static IServiceCollection AddLedgerVerification(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddDataProtection().SetApplicationName(DataProtectionApplication).PersistKeysToDbContext<CampaignDbContext>();
        services.TryAddSingletonTimeProvider();
        services.AddSingleton<SigningKeyRing>();
        services.AddScoped<LedgerVerification>();
        return services;
    }

    /// <summary>The key file of earlier versions, imported into the ring at start: <c>Ledger:SigningKeyPath</c>, or the data folder's.</summary>
    public static string LegacyKeyPath(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Ledger:SigningKeyPath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Storage:DataFolder"] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "App_Data"),
                LedgerSigningKey.DefaultFileName);

    /// <summary>At start-up, after the migrations: the ring's first key, or the earlier key file imported.</summary>
    public static async Task EnsureSigningKeyRingAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await provider.GetRequiredService<SigningKeyRing>().EnsureAsync(provider.GetRequiredService<CampaignDbContext>(),
            LegacyKeyPath(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()), cancellationToken);
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    public static IEndpointRouteBuilder MapLedgerVerification(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Auditors);
        group.MapGet("/campaigns/{id:guid}/verify", VerifyCampaign)
            .WithSummary("Recompute the campaign's hash chain and replay it against the stored snapshot; with ?checkpoint= (its JSON, base64url) also check the ledger still holds it")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/streams/definitions/verify", VerifyDefinitions)
            .WithSummary("Recompute the definitions stream's hash chain")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/streams/administration/verify", VerifyAdministration)
            .WithSummary("Recompute the administration stream's hash chain (the organization tree, groups, memberships, role grants)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/streams/administration/checkpoint", AdministrationCheckpoint)
            .WithSummary("A checkpoint of the administration stream's head, signed with the server key")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        group.MapGet("/streams/administration/export", ExportAdministration)
            .WithSummary("The administration stream as one JSON document with a signed checkpoint, for the offline verifier")
            .Produces<LedgerExportDocument>(200, "application/json").ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        group.MapGet("/campaigns/{id:guid}/checkpoint", CampaignCheckpoint)
            .WithSummary("A checkpoint of the campaign's ledger head, signed with the server key")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        group.MapGet("/streams/definitions/checkpoint", DefinitionsCheckpoint)
            .WithSummary("A checkpoint of the definitions stream's head, signed with the server key")
            .ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        group.MapPost("/checkpoints/verify", VerifyCheckpoint)
            .WithSummary("Check a checkpoint's signature and that its ledger still holds its entry with its hash (and the chain up to the head)")
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/campaigns/{id:guid}/export", Export)
            .WithSummary("The campaign's ledger as one JSON document with a signed checkpoint, for the offline verifier")
            .Produces<LedgerExportDocument>(200, "application/json").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(503);
        group.MapGet("/signing-key", SigningKey)
            .WithSummary("The current public key, that new checkpoints are signed with (ES256)")
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/jwks", Jwks)
            .WithSummary("Every public key of the signing key ring, current and retired, as a JWKS: a checkpoint's keyId is its key's kid")
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("/signing-keys/rotate", Rotate).RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Make a new current signing key (admins); checkpoints signed with the retired one stay valid")
            .ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<Results<Ok<VerificationResult>, ProblemHttpResult>> VerifyCampaign(Guid id, string? checkpoint, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
    {
        Checkpoint? parsed = null;
        if (checkpoint is not null)
        {
            parsed = Checkpoint.FromBase64Url(checkpoint, out var error);
            if (parsed is null)
                return ApiProblem.Create(context, 400, ProblemCodes.ParameterInvalid, ("parameter", "checkpoint"), ("value", Shorten(checkpoint) + $" ({error})"));
        }
        if (!await IsCampaignAsync(context, id, cancellationToken)) return CampaignProblems.NotFound(context, id);
        var result = await verification.VerifyAsync(id, parsed, cancellationToken);
        if (result is null) return CampaignProblems.NotFound(context, id);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<VerificationResult>> VerifyDefinitions(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verification.VerifyAsync(LedgerStream.Definitions, null, cancellationToken));

    private static async Task<Ok<VerificationResult>> VerifyAdministration(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok((await verification.VerifyAsync(LedgerStream.Administration, null, cancellationToken))!);

    private static async Task<Ok<Checkpoint>> AdministrationCheckpoint(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok((await verification.CheckpointAsync(LedgerStream.Administration, cancellationToken))!);

    /// <summary>The same document as a campaign's export, its <c>campaignId</c> the stream's id, so the offline verifier checks it alike.</summary>
    private static async Task<PushStreamHttpResult> ExportAdministration(CampaignDbContext db, LedgerVerification verification, SigningKeyRing ring,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var head = (await verification.HeadAsync(LedgerStream.Administration, cancellationToken))!.Value;
        var key = await ring.CurrentAsync(db, cancellationToken);
        return TypedResults.Stream(stream => LedgerExport.WriteAsync(stream, LedgerStream.Administration, head, db, key, clock, cancellationToken), "application/json",
            fileDownloadName: "ledger-administration.json");
    }

    private static async Task<Results<Ok<Checkpoint>, ProblemHttpResult>> CampaignCheckpoint(Guid id, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
    {
        if (!await IsCampaignAsync(context, id, cancellationToken)) return CampaignProblems.NotFound(context, id);
        var checkpoint = await verification.CheckpointAsync(id, cancellationToken);
        if (checkpoint is null) return CampaignProblems.NotFound(context, id);
        return TypedResults.Ok(checkpoint);
    }

    private static async Task<Ok<Checkpoint>> DefinitionsCheckpoint(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verification.CheckpointAsync(LedgerStream.Definitions, cancellationToken));

    private static async Task<Results<Ok<VerificationResult>, ProblemHttpResult>> VerifyCheckpoint(JsonElement body, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
    {
        var checkpoint = Checkpoint.Parse(body, out var error);
        if (checkpoint is null) return ApiProblem.Create(context, 400, ProblemCodes.RequestInvalid, ("error", error!));
        var result = await verification.VerifyAsync(checkpoint.CampaignId, checkpoint, cancellationToken);
        if (result is null) return CampaignProblems.NotFound(context, checkpoint.CampaignId);
        return TypedResults.Ok(result);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(Guid id, HttpContext context, CampaignDbContext db, LedgerVerification verification, SigningKeyRing ring,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await IsCampaignAsync(context, id, cancellationToken) || await verification.HeadAsync(id, cancellationToken) is not { } head)
            return CampaignProblems.NotFound(context, id);
        var key = await ring.CurrentAsync(db, cancellationToken);
        return TypedResults.Stream(stream => LedgerExport.WriteAsync(stream, id, head, db, key, clock, cancellationToken), "application/json",
            fileDownloadName: $"ledger-{id:D}.json");
    }

    private static async Task<Ok<SigningKeyView>> SigningKey(CampaignDbContext db, SigningKeyRing ring, CancellationToken cancellationToken)
    {
        // The public part only: this answers even where the private key does not decrypt.
        var kid = await ring.CurrentKidAsync(db, cancellationToken) ?? throw new InvalidOperationException("The signing key ring has no current key.");
        var key = (await ring.FindAsync(db, kid, cancellationToken))!;
        return TypedResults.Ok(new SigningKeyView(LedgerSigningKey.Algorithm, key.PublicKeyPem, Jwk(key), key.KeyId));
    }

    private static async Task<Ok<JwksView>> Jwks(CampaignDbContext db, SigningKeyRing ring, CancellationToken cancellationToken) =>
        TypedResults.Ok(new JwksView((await ring.AllAsync(db, cancellationToken)).Select(k => Jwk(k.Key)).ToList()));

    private static async Task<Ok<RotationView>> Rotate(CampaignDbContext db, SigningKeyRing ring, CancellationToken cancellationToken)
    {
        // Read without decrypting: a current key that no longer decrypts is a reason to rotate.
        var retired = await ring.CurrentKidAsync(db, cancellationToken);
        return TypedResults.Ok(new RotationView(await ring.RotateAsync(db, cancellationToken), retired));
    }

    private static JwkView Jwk(LedgerSigningKey key) => new("EC", "P-256", key.X, key.Y, LedgerSigningKey.Algorithm, "sig", key.KeyId);

    private static async Task<bool> IsCampaignAsync(HttpContext context, Guid id, CancellationToken cancellationToken)
    {
        var db = context.RequestServices.GetRequiredService<CampaignDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Campaigns, c => c.Id == id, cancellationToken);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
