namespace Workflow.Api.Identity;

/// <summary>
/// The OpenID Connect provider people sign in with (Identity:Oidc). With no <see cref="Authority"/> there is none, and the
/// embedded default offers local accounts instead.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Identity:Oidc";

    /// <summary>The provider's issuer URL; its discovery document and signing keys are read from there.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the API's access tokens must be issued for (the resource indicator the web app asks for).</summary>
    public string? Audience { get; set; }

    /// <summary>The web app's client id at the provider (a public client: authorization code with PKCE).</summary>
    public string? ClientId { get; set; }

    /// <summary>The scopes the web app asks for.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>How far a token's times may be off; small, so an expired token stops working (about) at once.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    public OidcClaimNames Claims { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>
    /// Plain http is allowed for a provider on loopback only (a developer's or the tests' provider): anywhere else the signing
    /// keys must come over https, or whoever sits on the path could sign tokens.
    /// </summary>
    public bool RequireHttpsMetadata =>
        !(Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
}

/// <summary>Which of the token's claims says what (Identity:Oidc:Claims).</summary>
public sealed class OidcClaimNames
{
    /// <summary>The user's stable id: the principal recorded on ledger entries.</summary>
    public string Principal { get; set; } = "sub";

    /// <summary>The name shown for the user; <c>preferred_username</c> and then the principal when the token has none.</summary>
    public string Name { get; set; } = "name";

    /// <summary>The groups the user belongs to (one claim per group, or a JSON array).</summary>
    public string Groups { get; set; } = "groups";

    /// <summary>The organization node the user belongs to.</summary>
    public string Organization { get; set; } = "organization";

    /// <summary>The user's roles (admin, operator, participant, auditor); other values are ignored.</summary>
    public string Roles { get; set; } = "roles";
}
