namespace Workflow.Api.Identity;

/// <summary>
/// The claim types every sign-in (API key, local session, OpenID Connect token) gives the request's principal beside
/// the standard ones (<c>ClaimTypes.NameIdentifier</c> for the principal id, <c>ClaimTypes.Name</c> for the display name,
/// <c>ClaimTypes.Role</c> for roles). Code that resolves groups and organization grants reads these, whatever the sign-in.
/// </summary>
public static class WorkflowClaims
{
    /// <summary>One claim per group the principal belongs to, as the provider names it (mapped from Identity:Oidc:Claims:Groups).</summary>
    public const string Group = "workflow:group";

    /// <summary>The organization node the principal belongs to, as the provider names it (Identity:Oidc:Claims:Organization).</summary>
    public const string Organization = "workflow:organization";

    /// <summary>How the request signed in: one of <see cref="SignInMethods"/>.</summary>
    public const string SignInMethod = "workflow:sign_in";

    /// <summary>The id of the key or session row that authenticated the request (not for OIDC tokens).</summary>
    public const string CredentialId = "workflow:credential";
}

/// <summary>The values of <see cref="WorkflowClaims.SignInMethod"/>.</summary>
public static class SignInMethods
{
    public const string ApiKey = "apiKey";
    public const string Oidc = "oidc";
    public const string Local = "local";
}
