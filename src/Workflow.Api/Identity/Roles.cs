namespace Workflow.Api.Identity;

/// <summary>The roles an API key can carry.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Participant = "participant";
    public const string Auditor = "auditor";

    public static readonly string[] All = [Admin, Operator, Participant, Auditor];

    /// <summary>Who may act on campaigns (start them, fire triggers).</summary>
    public const string CampaignWriters = "CampaignWriters";

    /// <summary>Who may complete or reassign tasks.</summary>
    public const string TaskWriters = "TaskWriters";

    /// <summary>Who may change definitions.</summary>
    public const string DefinitionWriters = "DefinitionWriters";

    /// <summary>Who may manage webhook subscriptions and deliveries: admins.</summary>
    public const string WebhookAdmins = "WebhookAdmins";

    /// <summary>Who may list, issue, rotate and revoke service accounts' API keys: admins.</summary>
    public const string KeyAdmins = "KeyAdmins";

    /// <summary>Who may read and verify the ledger: auditors and admins.</summary>
    public const string Auditors = "Auditors";
}
