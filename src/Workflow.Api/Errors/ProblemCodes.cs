namespace Workflow.Api.Errors;

/// <summary>
/// Stable problem codes of the API's own refusals. The problem <c>type</c> is
/// <c>urn:campaign-workflow:problem:{code}</c>; engine refusals keep the engine's codes.
/// </summary>
public static class ProblemCodes
{
    public const string TypePrefix = "urn:campaign-workflow:problem:";

    public const string RequestMalformed = "request.malformed";
    public const string DuplicateKey = "request.duplicate_key";
    public const string TextInvalid = "request.text_invalid";
    public const string LimitInvalid = "request.limit_invalid";
    public const string FilterInvalid = "request.filter_invalid";
    public const string UnknownField = "request.unknown_field";
    public const string ResultUnwrapped = "task.result_unwrapped";
    public const string TaskIterationMissing = "task.iteration_missing";
    public const string RequestInvalid = "request.invalid";
    public const string ValueInvalid = "request.value_invalid";
    public const string BodyRequired = "request.body_required";
    public const string ParameterInvalid = "request.parameter_invalid";
    public const string ParameterRequired = "request.parameter_required";
    public const string FieldRequired = "request.field_required";
    public const string FieldTooLong = "request.field_too_long";
    public const string IfMatchInvalid = "request.if_match_invalid";
    public const string RequestTooLarge = "request.too_large";
    public const string MediaTypeUnsupported = "request.media_type_unsupported";
    public const string AuthenticationRequired = "auth.required";
    public const string AuthKeyInvalid = "auth.key_invalid";
    public const string AuthTokenInvalid = "auth.token_invalid";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string SessionRequired = "auth.session_required";
    public const string LocalAccountsDisabled = "auth.local_accounts_disabled";
    public const string KeyNotFound = "key.not_found";
    public const string KeyRolesInvalid = "key.roles_invalid";
    public const string KeyExpiryInPast = "key.expiry_in_past";
    public const string SignInThrottled = "auth.too_many_failures";
    public const string CommandsThrottled = "request.too_many_commands";
    public const string Forbidden = "auth.forbidden";
    public const string OnBehalfOfNotAllowed = "auth.on_behalf_of_not_allowed";
    public const string NotFound = "resource.not_found";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string CampaignNotFound = "campaign.not_found";
    public const string TemplateNotFound = "template.not_found";
    public const string DefinitionNotFound = "definition.not_found";
    public const string DraftNotFound = "draft.not_found";
    public const string DefinitionInvalid = "definition.invalid";
    public const string DefinitionNotObject = "definition.not_object";
    public const string DefinitionIdTooLong = "definition.id_too_long";
    public const string DefinitionAlreadyRetracted = "definition.already_retracted";
    public const string DefinitionConcurrencyConflict = "definition.concurrency_conflict";
    public const string DraftChanged = "draft.changed";
    public const string TemplateRetracted = "template.retracted";
    public const string DefinitionUnavailable = "definition.unavailable";
    public const string SigningKeyUnavailable = "ledger.signing_key_unavailable";
    public const string PreconditionFailed = "request.precondition_failed";
    public const string IdempotencyKeyReused = "idempotency.key_reused";
    public const string CursorInvalid = "paging.cursor_invalid";
    public const string AuditTimeInvalid = "audit.time_invalid";
    public const string AuditRangeInvalid = "audit.range_invalid";
    public const string AsOfRequired = "audit.as_of_required";
    public const string AsOfAmbiguous = "audit.as_of_ambiguous";
    public const string AsOfNotReached = "audit.as_of_not_reached";
    public const string AsOfBeforeStart = "audit.as_of_before_start";
    public const string AsOfLedgerBroken = "audit.as_of_ledger_broken";
    public const string TriggerUnknown = "campaign.trigger_unknown";
    public const string DiagramFormatUnknown = "diagram.format_unknown";
    public const string ConcurrencyConflict = "campaign.concurrency_conflict";
    public const string WebhookUrlInvalid = "webhook.url_invalid";
    public const string WebhookHostNotAllowed = "webhook.host_not_allowed";
    public const string WebhookKindUnknown = "webhook.kind_unknown";
    public const string WebhookSubscriptionNotFound = "webhook.subscription_not_found";
    public const string WebhookDeliveryNotFound = "webhook.delivery_not_found";
    public const string WebhookDeliveryPending = "webhook.delivery_pending";
    public const string NotificationNotFound = "notification.not_found";
    public const string ServerError = "server.error";
    public const string DatabaseUnavailable = "server.database_unavailable";
}
