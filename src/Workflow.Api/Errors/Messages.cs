using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Workflow.Api.Errors;

/// <summary>
/// Problem titles and details in English and Chinese, by code, with <c>{argument}</c> placeholders.
/// The language follows <c>Accept-Language</c>: any zh variant gets Chinese, everything else English.
/// </summary>
public static partial class Messages
{
    private static readonly FrozenDictionary<string, (string En, string Zh)> Texts = new Dictionary<string, (string, string)>
    {
        [ProblemCodes.RequestMalformed] = ("The request body is not valid JSON (line {line}, position {position}).", "请求正文不是有效的 JSON（第 {line} 行第 {position} 个字节附近）。"),
        [ProblemCodes.RequestMalformed + "/end"] = ("The request body is not valid JSON: it ends at line {line}, position {position}, before the JSON is complete; close every string, object and array that is opened.", "请求正文不是有效的 JSON：在第 {line} 行第 {position} 个字节处提前结束；请补全所有已打开的字符串、对象和数组。"),
        [ProblemCodes.RequestMalformed + "/nothing"] = ("The request body is not valid JSON: {found} at line {line}, position {position} follows the complete JSON value; send one value and nothing after it.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处的 {found} 位于完整的 JSON 值之后；请只发送一个 JSON 值。"),
        [ProblemCodes.RequestMalformed + "/name"] = ("The request body is not valid JSON: at line {line}, position {position} a member name in double quotes belongs, not {found}; write members as \"name\": value.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处应为带双引号的字段名，而不是 {found}；字段请写成 \"name\": 值。"),
        [ProblemCodes.RequestMalformed + "/colon"] = ("The request body is not valid JSON: at line {line}, position {position} a colon belongs after the member name, not {found}.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处的字段名后应为冒号，而不是 {found}。"),
        [ProblemCodes.RequestMalformed + "/value"] = ("The request body is not valid JSON: at line {line}, position {position} a value belongs, not {found}; a value is a string in double quotes, a number, true, false, null, an object or an array.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处应为值，而不是 {found}；值可以是带双引号的字符串、数字、true、false、null、对象或数组。"),
        [ProblemCodes.RequestMalformed + "/commaOrBrace"] = ("The request body is not valid JSON: at line {line}, position {position} a comma or } belongs, not {found}.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处应为逗号或 }，而不是 {found}。"),
        [ProblemCodes.RequestMalformed + "/commaOrBracket"] = ("The request body is not valid JSON: at line {line}, position {position} a comma or ] belongs, not {found}.", "请求正文不是有效的 JSON：第 {line} 行第 {position} 个字节处应为逗号或 ]，而不是 {found}。"),
        [ProblemCodes.DuplicateKey] = ("The request body names \"{key}\" twice (at {path}); send each member once.", "请求正文中“{key}”出现了两次（位置 {path}）；每个字段只能发送一次。"),
        [ProblemCodes.TextInvalid] = ("The request body has {character} at {path}, which cannot be stored (NUL characters, unpaired surrogates and bytes that are not UTF-8 never can); remove it and send the text again.", "请求正文在 {path} 处含有无法保存的字符 {character}（NUL 字符、不成对的代理项和非 UTF-8 字节均无法保存）；请删除后重新发送。"),
        [ProblemCodes.RequestInvalid] = ("The request is not valid: {error}", "请求无效：{error}"),
        [ProblemCodes.RequestInvalid + "/binding"] = ("The request could not be read; check its path, query and body against the API description.", "无法读取该请求；请对照 API 文档检查路径、查询参数和请求正文。"),
        [ProblemCodes.ValueInvalid] = ("The value at {path} must be a JSON {expected}, not {found}.", "{path} 处的值类型错误，应为 JSON {expected}，而不是 {found}。"),
        [ProblemCodes.ValueInvalid + "/range"] = ("The value at {path} must be a whole number from {min} to {max}, not {value}.", "{path} 处的值必须是 {min} 到 {max} 之间的整数，而不是 {value}。"),
        [ProblemCodes.ValueInvalid + "/format"] = ("The value at {path} must be a JSON string in {format} format, such as {example}; '{value}' is not.", "{path} 处的值必须是 {format} 格式的 JSON 字符串（例如 {example}），“{value}”不符合。"),
        [ProblemCodes.ValueInvalid + "/enum"] = ("The value at {path} must be one of {allowed}, as a JSON string.", "{path} 处的值必须是 {allowed} 之一（JSON 字符串）。"),
        [ProblemCodes.ValueInvalid + "/unreadable"] = ("The value at {path} cannot be read as this request expects; check its type and format against the API description.", "无法按此请求的要求读取 {path} 处的值；请对照 API 文档检查其类型和格式。"),
        [ProblemCodes.BodyRequired] = ("The request needs a JSON body.", "请求需要 JSON 正文。"),
        [ProblemCodes.ParameterInvalid] = ("The parameter {parameter} cannot be '{value}'.", "参数 {parameter} 的值“{value}”无效。"),
        [ProblemCodes.LimitInvalid] = ("limit must be a whole number from 1 to {max}, not {value}; leave it out for the default page size.", "limit 必须是 1 到 {max} 之间的整数，而不是 {value}；不填则使用默认页大小。"),
        [ProblemCodes.FilterInvalid] = ("{parameter} must be one of {allowed}, not '{value}'.", "{parameter} 只能是 {allowed} 之一，而不是“{value}”。"),
        [ProblemCodes.UnknownField] = ("The request body has \"{key}\" (at {path}), which this request does not take; remove it or check its spelling.", "请求正文含有此请求不接受的字段“{key}”（位置 {path}）；请删除或检查拼写。"),
        [ProblemCodes.ResultUnwrapped] = ("\"{key}\" belongs inside the task's result: send it as {\"result\": {\"{key}\": …}}, with outcome and comment beside result.", "“{key}”属于任务结果的内容：请按 {\"result\": {\"{key}\": …}} 发送，outcome 和 comment 与 result 并列。"),
        [ProblemCodes.TaskIterationMissing] = ("A task id names its iteration, as in '{taskId}:1'; the open instances of '{taskId}' are: {instances}.", "任务标识需带上轮次，例如“{taskId}:1”；“{taskId}”当前打开的任务实例为：{instances}。"),
        [ProblemCodes.ParameterRequired] = ("The parameter {parameter} is required.", "缺少参数 {parameter}。"),
        [ProblemCodes.FieldRequired] = ("{field} is required.", "缺少必填字段 {field}。"),
        [ProblemCodes.FieldTooLong] = ("{field} is longer than the {max} characters allowed.", "{field} 超过允许的 {max} 个字符。"),
        [ProblemCodes.IfMatchInvalid] = ("If-Match must be * or entity tags in quotes, separated by commas, as the ETag gives them (e.g. \"3\"); not {ifMatch}.", "If-Match 必须是 * 或以逗号分隔、带引号的实体标签（与 ETag 相同，例如 \"3\"），而不是 {ifMatch}。"),
        [ProblemCodes.DiagramFormatUnknown] = ("'{format}' is not a diagram format; use mermaid or dot.", "“{format}”不是可用的图格式，请使用 mermaid 或 dot。"),
        [ProblemCodes.RequestTooLarge] = ("The request body is larger than the {limit} bytes allowed.", "请求正文超过允许的 {limit} 字节。"),
        [ProblemCodes.MediaTypeUnsupported] = ("Send the body as application/json.", "请以 application/json 发送请求正文。"),
        [ProblemCodes.MediaTypeUnsupported + "/import"] = ("Send the import as text/csv or application/json.", "请以 text/csv 或 application/json 发送导入文件。"),
        [ProblemCodes.AuthenticationRequired] = ("An API key is required: send it in the X-Api-Key header (or sign in and send the token as Authorization: Bearer).", "需要 API 密钥：请在 X-Api-Key 请求头中提供（或登录后以 Authorization: Bearer 发送令牌）。"),
        [ProblemCodes.AuthTokenInvalid] = ("The access token is not valid: it is expired, meant for another audience, from another issuer or altered. Sign in again.", "访问令牌无效：令牌已过期、受众不符、签发方不符或已被篡改。请重新登录。"),
        [ProblemCodes.SignInFailed] = ("The user name or password is wrong, or the account is disabled.", "用户名或密码错误，或账户已停用。"),
        [ProblemCodes.SessionRequired] = ("Only a local sign-in session can be ended here; an API key is revoked under /api/v1/keys, and an OpenID Connect session at its provider.", "此处只能结束本地登录会话；API 密钥请在 /api/v1/keys 中吊销，OpenID Connect 会话请在其身份提供方处退出。"),
        [ProblemCodes.LocalAccountsDisabled] = ("Local accounts are off: this server signs people in with its OpenID Connect provider.", "本地账户未启用：此服务器通过 OpenID Connect 身份提供方登录。"),
        [ProblemCodes.KeyNotFound] = ("There is no service account key {keyId}.", "服务账户密钥 {keyId} 不存在。"),
        [ProblemCodes.KeyRolesInvalid] = ("A key needs at least one role, each one of {allowed}.", "密钥至少需要一个角色，且每个角色必须是 {allowed} 之一。"),
        [ProblemCodes.KeyExpiryInPast] = ("expiresAt ({expiresAt}) has already passed; give a time in the future, or leave it out for a key that does not expire.", "expiresAt（{expiresAt}）已经过去；请填写将来的时间，或不填以创建不过期的密钥。"),
        [ProblemCodes.SignInThrottled] = ("Too many refused keys, tokens or passwords came from this address; wait {retryAfter} s before trying again, and check what you send.", "来自此地址的无效密钥、令牌或密码过多；请等待 {retryAfter} 秒后再试，并检查所提供的凭据。"),
        [ProblemCodes.CommandsThrottled] = ("Too many commands from this principal at once; nothing was applied. Wait {retryAfter} s and send it again.", "此身份短时间内发出的操作过多，本次请求未被执行。请等待 {retryAfter} 秒后重新发送。"),
        [ProblemCodes.AuthKeyInvalid] = ("The API key is not valid: it is unknown, revoked or mistyped. Check it, or ask an admin for a new one.", "API 密钥无效：密钥不存在、已被吊销或输入有误。请检查密钥，或向管理员申请新的密钥。"),
        [ProblemCodes.Forbidden] = ("Your API key's roles do not allow this.", "您的 API 密钥角色无权执行此操作。"),
        [ProblemCodes.OnBehalfOfNotAllowed] = ("Your API key may not act on behalf of others (X-On-Behalf-Of: {onBehalfOf}).", "您的 API 密钥不能代表他人操作（X-On-Behalf-Of：{onBehalfOf}）。"),
        [ProblemCodes.NotFound] = ("There is nothing at {path}.", "{path} 不存在。"),
        [ProblemCodes.MethodNotAllowed] = ("{method} is not allowed on {path}.", "{path} 不支持 {method} 方法。"),
        [ProblemCodes.CampaignNotFound] = ("There is no campaign {campaignId}.", "活动 {campaignId} 不存在。"),
        [ProblemCodes.TemplateNotFound] = ("There is no published template {templateId} version {version}.", "不存在已发布的模板 {templateId} 版本 {version}。"),
        [ProblemCodes.DefinitionNotFound] = ("There is no {kind} {definitionId}{version}.", "不存在{kind} {definitionId}{version}。"),
        [ProblemCodes.DraftNotFound] = ("There is no draft {draftId}.", "草稿 {draftId} 不存在。"),
        [ProblemCodes.DefinitionInvalid] = ("The definition has {count} problem(s); see errors.", "定义存在 {count} 个问题，详见 errors。"),
        [ProblemCodes.DefinitionNotObject] = ("A definition must be a JSON object, not {valueKind}.", "定义必须是 JSON 对象，而不是 {valueKind}。"),
        [ProblemCodes.DefinitionIdTooLong] = ("The definitionId is longer than {limit} characters.", "definitionId 超过 {limit} 个字符。"),
        [ProblemCodes.DefinitionAlreadyRetracted] = ("{kind} {definitionId} version {version} was already retracted by {retractedBy} at {retractedAt}.", "{kind} {definitionId} 版本 {version} 已由 {retractedBy} 于 {retractedAt} 撤回。"),
        [ProblemCodes.DefinitionConcurrencyConflict] = ("The {what} kept changing while this request ran; nothing was written. Try again.", "请求执行期间{what}持续被修改，未写入任何内容，请重试。"),
        [ProblemCodes.DraftChanged] = ("The draft has changed (version {current}); your If-Match was {expected}. Reload it and try again.", "草稿已被修改（当前版本 {current}），您的 If-Match 为 {expected}。请重新加载后重试。"),
        [ProblemCodes.DefinitionUnavailable] = ("The campaign runs template {templateId} version {version}, which cannot be loaded ({reason}). Nothing was changed; an administrator must restore that published version.", "该活动使用的模板 {templateId} 版本 {version} 无法加载（{reason}）。未做任何更改；请管理员恢复该已发布版本。"),
        [ProblemCodes.SigningKeyUnavailable] = ("The current ledger signing key {kid} cannot be decrypted on this server, so no checkpoint can be signed now; verification still works. An administrator can rotate the key (rotate-signing-key) or restore the Data Protection keys of the database.", "当前账本签名密钥 {kid} 无法在本服务器上解密，暂时无法签发检查点；验证仍可进行。请管理员轮换密钥（rotate-signing-key）或恢复数据库中的 Data Protection 密钥。"),
        [ProblemCodes.TemplateRetracted] = ("Template {templateId} version {version} was retracted; start campaigns from a published version.", "模板 {templateId} 版本 {version} 已撤回，请使用已发布的版本。"),
        [ProblemCodes.PreconditionFailed] = ("The campaign has changed (version {current}); your If-Match was {expected}. Reload it and try again.", "活动已被修改（当前版本 {current}），您的 If-Match 为 {expected}。请重新加载后重试。"),
        [ProblemCodes.IdempotencyKeyReused] = ("The Idempotency-Key {key} was already used with a different request body.", "幂等键 {key} 已用于不同的请求正文。"),
        [ProblemCodes.CursorInvalid] = ("The paging cursor is not valid; start again without one.", "分页游标无效，请不带游标重新开始。"),
        [ProblemCodes.AuditTimeInvalid] = ("The parameter {parameter} must be an ISO 8601 time such as 2026-11-25T08:00:00Z, not '{value}'.", "参数 {parameter} 必须是 ISO 8601 时间（例如 2026-11-25T08:00:00Z），而不是“{value}”。"),
        [ProblemCodes.AuditRangeInvalid] = ("The time range is empty: from ({from}) is after to ({to}).", "时间范围无效：起始时间 from（{from}）晚于结束时间 to（{to}）。"),
        [ProblemCodes.AsOfRequired] = ("Say which state you want: sequence=N (after ledger entry N) or at=a time such as 2023-10-31T16:00:00Z.", "请指明要查看的时点：sequence=N（第 N 条账本记录之后）或 at=时间（例如 2023-10-31T16:00:00Z）。"),
        [ProblemCodes.AsOfAmbiguous] = ("Give either sequence or at, not both.", "sequence 与 at 只能给出其中一个。"),
        [ProblemCodes.AsOfNotReached] = ("Campaign {campaignId} has {entries} ledger entries so far; there is no entry {sequence} yet.", "活动 {campaignId} 目前只有 {entries} 条账本记录，尚无第 {sequence} 条。"),
        [ProblemCodes.AsOfBeforeStart] = ("Campaign {campaignId} was created at {createdAt}; it had no state at {at}.", "活动 {campaignId} 创建于 {createdAt}，在 {at} 时尚不存在。"),
        [ProblemCodes.AsOfLedgerBroken] = ("Campaign {campaignId}'s ledger is not whole at entry {sequence} ({problem}), so no state can be shown from it; run the campaign's verification for the details.", "活动 {campaignId} 的账本在第 {sequence} 条处不完整（{problem}），无法据此还原状态；请运行该活动的账本验证查看详情。"),
        [ProblemCodes.TriggerUnknown] = ("'{trigger}' is not a trigger; use one of {triggers}.", "“{trigger}”不是有效的触发器，可用：{triggers}。"),
        [ProblemCodes.ConcurrencyConflict] = ("The campaign kept changing while this command ran; try again.", "命令执行期间活动持续被修改，请重试。"),
        [ProblemCodes.WebhookUrlInvalid] = ("'{url}' is not an absolute http or https URL (without user name or password).", "“{url}”不是绝对的 http 或 https 地址（且不能包含用户名或密码）。"),
        [ProblemCodes.WebhookHostNotAllowed] = ("The host {host} is not in Webhooks:AllowedHosts; ask the operator to add it.", "主机 {host} 不在 Webhooks:AllowedHosts 允许列表中，请联系运维人员添加。"),
        [ProblemCodes.WebhookKindUnknown] = ("'{kind}' is not a ledger kind; use any of {kinds}.", "“{kind}”不是台账条目类型，可用：{kinds}。"),
        [ProblemCodes.WebhookSubscriptionNotFound] = ("There is no webhook subscription {subscriptionId}.", "Webhook 订阅 {subscriptionId} 不存在。"),
        [ProblemCodes.WebhookDeliveryNotFound] = ("There is no webhook delivery {deliveryId}.", "Webhook 投递 {deliveryId} 不存在。"),
        [ProblemCodes.WebhookDeliveryPending] = ("Delivery {deliveryId} is still being attempted; redeliver it once it has succeeded or failed.", "投递 {deliveryId} 仍在尝试中，请在其成功或失败后再重新投递。"),
        [ProblemCodes.NotificationNotFound] = ("You have no notification {notificationId}.", "您没有编号为 {notificationId} 的通知。"),
        [ProblemCodes.OrganizationNotFound] = ("There is no organization {organizationId}.", "组织 {organizationId} 不存在。"),
        [ProblemCodes.OrganizationUnknown] = ("'{organization}' is not a unit of the organization tree; start the campaign on one of its units (GET /api/v1/organizations lists them).", "“{organization}”不是组织架构中的单位；请在组织架构中的单位上发起活动（GET /api/v1/organizations 可列出全部单位）。"),
        [ProblemCodes.OrganizationExists] = ("There is already an organization {organizationId}.", "组织 {organizationId} 已存在。"),
        [ProblemCodes.OrganizationIdInvalid] = ("'{id}' is not an id: an id starts with a letter, has only letters, digits, _ and -, and at most {max} characters.", "“{id}”不是有效的标识：标识须以字母开头，只能包含字母、数字、_ 和 -，且不超过 {max} 个字符。"),
        [ProblemCodes.OrganizationKindUnknown] = ("'{kind}' is not a kind of unit; use one of {kinds}.", "“{kind}”不是有效的单位类型，可用：{kinds}。"),
        [ProblemCodes.OrganizationNameRequired] = ("A name in {language} is required.", "缺少 {language} 名称。"),
        [ProblemCodes.OrganizationNameInvalid] = ("The {language} name must be readable text of at most {max} characters, without control characters (such as NUL or line breaks).", "{language} 名称须为不超过 {max} 个字符的可读文本，且不能包含控制字符（如 NUL 或换行）。"),
        [ProblemCodes.OrganizationLanguageUnknown] = ("displayNames has '{language}'; names are given in zh-CN and en.", "displayNames 中含有“{language}”；名称只能使用 zh-CN 和 en。"),
        [ProblemCodes.OrganizationParentUnknown] = ("There is no organization {parentId} to put {organizationId} under.", "上级组织 {parentId} 不存在，无法将 {organizationId} 置于其下。"),
        [ProblemCodes.OrganizationCycle] = ("{organizationId} cannot go under {parentId}: {parentId} is {organizationId} itself or inside its subtree.", "不能将 {organizationId} 移到 {parentId} 之下：{parentId} 就是 {organizationId} 本身或位于其下级。"),
        [ProblemCodes.OrganizationTooDeep] = ("{organizationId} would sit too deep in the tree (its path would be longer than {max} characters).", "{organizationId} 在组织架构中的层级过深（路径将超过 {max} 个字符）。"),
        [ProblemCodes.OrganizationInUse] = ("{organizationId} cannot be deleted while it has {children} sub-unit(s), {campaigns} campaign(s), {groups} group(s) and {grants} role grant(s); move or remove them first.", "组织 {organizationId} 下仍有 {children} 个下级单位、{campaigns} 个活动、{groups} 个群组和 {grants} 项角色授权，无法删除；请先移走或删除它们。"),
        [ProblemCodes.OrganizationRoleRequired] = ("This needs the role {roles} on {organizationId} or on a unit above it.", "此操作需要在 {organizationId} 或其上级单位拥有 {roles} 角色。"),
        [ProblemCodes.OrganizationImportInvalid] = ("The import has {count} bad line(s); nothing was changed. See errors.", "导入文件有 {count} 行有误，未做任何更改，详见 errors。"),
        [ProblemCodes.OrganizationImportLine] = ("The line cannot be read: {error}.", "该行无法读取：{error}。"),
        [ProblemCodes.OrganizationImportDuplicate] = ("{organizationId} is also on line {line}; give each unit once.", "{organizationId} 也出现在第 {line} 行；每个单位只能出现一次。"),
        [ProblemCodes.OrganizationConcurrencyConflict] = ("The organization tree kept changing while this request ran; nothing was written. Try again.", "请求执行期间组织架构持续被修改，未写入任何内容，请重试。"),
        [ProblemCodes.GroupNotFound] = ("There is no group {groupId}.", "群组 {groupId} 不存在。"),
        [ProblemCodes.GroupExists] = ("There is already a group {groupId}.", "群组 {groupId} 已存在。"),
        [ProblemCodes.GroupMemberNotFound] = ("{principal} is not a member of group {groupId}.", "{principal} 不是群组 {groupId} 的成员。"),
        [ProblemCodes.PrincipalInvalid] = ("A principal id is 1 to {max} characters of readable text, without control characters.", "身份标识须为 1 至 {max} 个字符的可读文本，且不能包含控制字符。"),
        [ProblemCodes.GrantNotFound] = ("There is no role grant {grantId}.", "角色授权 {grantId} 不存在。"),
        [ProblemCodes.GrantRoleUnknown] = ("'{role}' is not a role; use one of {roles}.", "“{role}”不是有效的角色，可用：{roles}。"),
        [ProblemCodes.GrantGranteeInvalid] = ("Name who receives the role: either principal or group, not both and not neither.", "请指定角色授予对象：principal 或 group 二者选一。"),
        [ProblemCodes.DatabaseUnavailable] = ("The database cannot take more work right now (no free connection, or it is restarting); the request was not applied. Try again in a moment. Reference: {traceId}.", "数据库暂时无法处理更多请求（没有空闲连接，或正在重启），请求未被执行。请稍后重试。参考编号：{traceId}。"),
        [ProblemCodes.ServerError] = ("Something went wrong on the server; the request was not applied. Reference: {traceId}.", "服务器出错，请求未被执行。参考编号：{traceId}。"),
        ["campaign.trigger_not_permitted"] = ("{trigger} is not permitted now: {reasons}", "当前不允许执行{trigger}：{reasons}"),
        ["campaign.suspended"] = ("The campaign is suspended; resume it before acting on its tasks.", "活动已暂停，请先恢复后再办理任务。"),
        ["campaign.not_in_phase"] = ("The campaign is not in a phase, so it has no tasks to act on.", "活动不处于任何阶段，没有可办理的任务。"),
        ["campaign.reason_required"] = ("Sending a campaign back to an earlier phase needs a reason.", "退回到前一阶段必须填写理由。"),
        ["campaign.phase_unknown"] = ("'{phase}' is not a phase of this campaign's template.", "“{phase}”不是该活动模板中的阶段。"),
        ["campaign.inputs_invalid"] = ("The campaign parameters do not fit the template; see errors.", "活动参数与模板不符，详见 errors。"),
        ["campaign.output_failed"] = ("The output '{variable}' of phase '{phase}' could not be computed; the phase was not left.", "阶段“{phase}”的输出“{variable}”无法计算，未离开该阶段。"),
        ["task.not_found"] = ("There is no task instance '{taskId}' in the current phase.", "当前阶段没有任务实例“{taskId}”。"),
        ["task.not_active"] = ("Task instance '{taskId}' is already {status}; it cannot be changed.", "任务实例“{taskId}”已{status}，不能再更改。"),
        ["task.result_invalid"] = ("The result for task instance '{taskId}' is not valid; see errors.", "任务实例“{taskId}”的办理结果无效，详见 errors。"),
        ["task.assignee_invalid"] = ("Name a person or a role to give task instance '{taskId}' to.", "请指定任务实例“{taskId}”的办理人或角色。"),
        ["task.is_timer"] = ("'{taskId}' is a delay, not a task: it moves on by itself when its time comes.", "“{taskId}”是延时等待，不是任务：时间到后会自动继续。"),
        ["timer.stale"] = ("The timer of '{taskId}' has nothing to do any more.", "“{taskId}”的定时器已无需执行。"),
        ["incident.not_found"] = ("This campaign has no incident '{incidentId}'.", "该活动没有编号为“{incidentId}”的异常事件。"),
        ["incident.already_resolved"] = ("Incident '{incidentId}' is already resolved; its history says how.", "异常事件“{incidentId}”已处理完毕，处理经过见其记录。"),
        ["incident.skip_reason_required"] = ("Skipping incident '{incidentId}' needs a reason: it is recorded with the skip.", "跳过异常事件“{incidentId}”必须填写理由，理由将记入台账。"),
        ["incident.cannot_skip"] = ("'{activityId}' has no Done outcome to continue by; name the branch to take as outcome: one of {ports}.", "“{activityId}”没有可继续的“完成”出口，跳过时请在 outcome 中指定要走的分支：{ports} 之一。"),
        ["incident.outcome_invalid"] = ("'{outcome}' is not an outcome of '{activityId}'; use one of {ports}.", "“{outcome}”不是“{activityId}”的出口，可用：{ports}。"),
        ["activity.not_faulted"] = ("'{activityId}' (iteration {iteration}) has no fault to retry or skip.", "“{activityId}”（第 {iteration} 轮）没有可重试或跳过的错误。"),
        ["workflow.not_running"] = ("The phase workflow is {status}; it takes no more commands.", "阶段流程已{status}，不再接受命令。"),
    }.ToFrozenDictionary();

    /// <summary>
    /// Whether Chinese is preferred: of the two languages served, the one Accept-Language ranks higher by its q-values
    /// (RFC 9110 §12.5.4; order breaks ties, q=0 refuses, <c>*</c> stands for English), English when it names neither.
    /// </summary>
    public static bool IsChinese(HttpContext context)
    {
        var ranked = context.Request.GetTypedHeaders().AcceptLanguage;
        if (ranked is null || ranked.Count == 0) return false;
        double chinese = -1, english = -1;
        int chineseAt = int.MaxValue, englishAt = int.MaxValue;
        for (var i = 0; i < ranked.Count; i++)
        {
            var tag = ranked[i].Value.Value ?? "";
            var quality = ranked[i].Quality ?? 1;
            if (tag.Equals("zh", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
            {
                if (quality > chinese) (chinese, chineseAt) = (quality, i);
            }
            else if (tag == "*" || tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase))
            {
                if (quality > english) (english, englishAt) = (quality, i);
            }
        }
        return chinese > 0 && (chinese > english || (chinese == english && chineseAt < englishAt));
    }

    /// <summary>The culture a response's display names are taken in: zh-CN or en.</summary>
    public static string Culture(HttpContext context) => IsChinese(context) ? "zh-CN" : "en";

    /// <summary>The detail for a code in the request's language, or <paramref name="fallback"/> when the code has no text.</summary>
    /// <remarks>A <paramref name="variant"/> picks a more particular text of the same code (<c>code/variant</c>), such as what kind of JSON error it is.</remarks>
    public static string Detail(HttpContext context, string code, IReadOnlyDictionary<string, string> arguments, string? fallback = null, string? variant = null)
    {
        if (!Texts.TryGetValue(variant is null ? code : $"{code}/{variant}", out var texts) && !Texts.TryGetValue(code, out texts)) return ForPeople(fallback ?? code);
        var chinese = IsChinese(context);
        // The engine's English sentences name states and values more precisely than the template; keep them in English.
        if (!chinese && fallback is not null) return ForPeople(fallback);
        return ForPeople(Placeholder().Replace(chinese ? texts.Zh : texts.En, m => arguments.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value));
    }

    /// <summary>
    /// Numbers as a person reads them: 0.6666666666666666 becomes 0.6667. Only in <c>detail</c>; the problem's
    /// <c>arguments</c> keep the exact values for programs.
    /// </summary>
    internal static string ForPeople(string text) => LongDecimal().Replace(text, m =>
        double.TryParse(m.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? Math.Round(number, 4).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)
            : m.Value);

    [GeneratedRegex(@"(?<![\w.])\d+\.\d{5,}(?![\w.])")]
    private static partial Regex LongDecimal();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
