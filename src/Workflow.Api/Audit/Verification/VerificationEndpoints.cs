using System.Text.Json;
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

    public static IServiceCollection AddLedgerVerification(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var path = configuration["Ledger:SigningKeyPath"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(configuration["Storage:DataFolder"] is { Length: > 0 } folder ? folder : Path.Combine(environment.ContentRootPath, "App_Data"),
                LedgerSigningKey.DefaultFileName);
        services.AddSingleton(_ => LedgerSigningKey.LoadOrCreate(path));
        services.TryAddSingletonTimeProvider();
        services.AddScoped<LedgerVerification>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }

    public static IEndpointRouteBuilder MapLedgerVerification(this IEndpointRouteBuilder app)
    {
        // Loaded (or created) now, at the start, rather than by the first auditor's request.
        _ = app.ServiceProvider.GetRequiredService<LedgerSigningKey>();

        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Auditors);
        group.MapGet("/campaigns/{id:guid}/verify", VerifyCampaign)
            .WithSummary("Recompute the campaign's hash chain; with ?checkpoint= (its JSON, base64url) also check the ledger still holds it")
            .Produces<VerificationResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/streams/definitions/verify", VerifyDefinitions)
            .WithSummary("Recompute the definitions stream's hash chain")
            .Produces<VerificationResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/campaigns/{id:guid}/checkpoint", CampaignCheckpoint)
            .WithSummary("A checkpoint of the campaign's ledger head, signed with the server key")
            .Produces<Checkpoint>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/streams/definitions/checkpoint", DefinitionsCheckpoint)
            .WithSummary("A checkpoint of the definitions stream's head, signed with the server key")
            .Produces<Checkpoint>().ProducesProblem(401).ProducesProblem(403);
        group.MapPost("/checkpoints/verify", VerifyCheckpoint)
            .WithSummary("Check a checkpoint's signature and that its ledger still holds its entry with its hash (and the chain up to the head)")
            .Produces<VerificationResult>().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/campaigns/{id:guid}/export", Export)
            .WithSummary("The campaign's ledger as one JSON document with a signed checkpoint, for the offline verifier")
            .Produces(200, contentType: "application/json").ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/signing-key", SigningKey)
            .WithSummary("The public key that checkpoints are signed with (ES256)")
            .Produces<SigningKeyView>().ProducesProblem(401).ProducesProblem(403);
        return app;
    }

    private static async Task<IResult> VerifyCampaign(Guid id, string? checkpoint, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
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
        return result is null ? CampaignProblems.NotFound(context, id) : TypedResults.Ok(result);
    }

    private static async Task<IResult> VerifyDefinitions(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verification.VerifyAsync(LedgerStream.Definitions, null, cancellationToken));

    private static async Task<IResult> CampaignCheckpoint(Guid id, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
    {
        if (!await IsCampaignAsync(context, id, cancellationToken)) return CampaignProblems.NotFound(context, id);
        var checkpoint = await verification.CheckpointAsync(id, cancellationToken);
        return checkpoint is null ? CampaignProblems.NotFound(context, id) : TypedResults.Ok(checkpoint);
    }

    private static async Task<IResult> DefinitionsCheckpoint(LedgerVerification verification, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verification.CheckpointAsync(LedgerStream.Definitions, cancellationToken));

    private static async Task<IResult> VerifyCheckpoint(JsonElement body, HttpContext context, LedgerVerification verification, CancellationToken cancellationToken)
    {
        var checkpoint = Checkpoint.Parse(body, out var error);
        if (checkpoint is null) return ApiProblem.Create(context, 400, ProblemCodes.RequestInvalid, ("error", error!));
        var result = await verification.VerifyAsync(checkpoint.CampaignId, checkpoint, cancellationToken);
        return result is null ? CampaignProblems.NotFound(context, checkpoint.CampaignId) : TypedResults.Ok(result);
    }

    private static async Task<IResult> Export(Guid id, HttpContext context, CampaignDbContext db, LedgerVerification verification, LedgerSigningKey key,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await IsCampaignAsync(context, id, cancellationToken) || await verification.HeadAsync(id, cancellationToken) is not { } head)
            return CampaignProblems.NotFound(context, id);
        return Results.Stream(stream => LedgerExport.WriteAsync(stream, id, head, db, key, clock, cancellationToken), "application/json",
            fileDownloadName: $"ledger-{id:D}.json");
    }

    private static IResult SigningKey(LedgerSigningKey key) =>
        TypedResults.Ok(new SigningKeyView(LedgerSigningKey.Algorithm, key.PublicKeyPem, new JwkView("EC", "P-256", key.X, key.Y, LedgerSigningKey.Algorithm, "sig", key.KeyId), key.KeyId));

    private static async Task<bool> IsCampaignAsync(HttpContext context, Guid id, CancellationToken cancellationToken)
    {
        var db = context.RequestServices.GetRequiredService<CampaignDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Campaigns, c => c.Id == id, cancellationToken);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
