using Workflow.Engine.Values;
using static Workflow.Engine.Activities.CatalogFields;
using static Workflow.Engine.Activities.CatalogInputs;

namespace Workflow.Engine.Activities;

/// <summary>
/// The public's part in the campaign: soliciting opinions (问计于民) and the mass appraisal
/// (群众评议). Their counts feed exit gates, so every ratio a gate reads is derived here by the
/// engine rather than typed in by a person.
/// </summary>
internal static class ParticipationActivities
{
    public static readonly ActivityDescriptor OpinionCollection = CatalogDescriptors.Task(
        "Campaign.OpinionCollection", ActivityCategories.Participation,
        LocalizedText.Of("Opinion collection", "征求意见"),
        LocalizedText.Of(
            "Collect opinions and suggestions through boxes, opinion forms and visits; record how many were received, resolved and consolidated.",
            "通过意见箱、征求意见表、走访座谈等渠道广泛征求意见建议，登记收到、解决和归纳整理的情况。"),
        ForTask(Input("channels", DataType.Array, "Channels", "征求渠道")),
        [
            Count("suggestionsReceived", "Suggestions received", "收到意见建议数", "suggestions"),
            Count("suggestionsResolved", "Suggestions resolved", "已解决数", "suggestions"),
            Count("suggestionsPending", "Suggestions pending", "待解决数", "suggestions"),
            Count("formsIssued", "Opinion forms issued", "发放征求意见表数", "forms"),
            Count("formsReturned", "Opinion forms returned", "回收征求意见表数", "forms"),
            Count("anonymousRespondents", "Anonymous respondents", "匿名填表人数", "people"),
            Count("opinionsOnTeamRaw", "Opinions on the leadership team", "对领导班子的意见数", "opinions"),
            Count("opinionsOnTeamConsolidated", "Opinions on the team, consolidated", "对领导班子的意见数（归纳后）", "opinions"),
            Count("opinionsOnMembersRaw", "Opinions on team members", "对班子成员的意见数", "opinions"),
            Count("opinionsOnMembersConsolidated", "Opinions on members, consolidated", "对班子成员的意见数（归纳后）", "opinions"),
            Ratio("formReturnRate", "Form return rate", "意见表回收率", "formsReturned", "formsIssued"),
            Ratio("suggestionResolutionRate", "Suggestion resolution rate", "意见建议解决率", "suggestionsResolved", "suggestionsReceived"),
            Findings(),
        ],
        [
            NotAbove("suggestionsSettledWithinReceived", "suggestionsReceived",
                "{suggestionsResolved} resolved and {suggestionsPending} pending suggestions exceed the {suggestionsReceived} received.",
                "已解决（{suggestionsResolved}）与待解决（{suggestionsPending}）的意见建议之和不能超过收到的总数（{suggestionsReceived}）。",
                "suggestionsResolved", "suggestionsPending"),
            NotAbove("formsReturnedWithinIssued", "formsIssued",
                "{formsReturned} forms returned exceed the {formsIssued} issued.",
                "回收的征求意见表数（{formsReturned}）不能超过发放数（{formsIssued}）。",
                "formsReturned"),
            NotAbove("teamOpinionsConsolidatedWithinRaw", "opinionsOnTeamRaw",
                "{opinionsOnTeamConsolidated} consolidated opinions on the team exceed the {opinionsOnTeamRaw} collected.",
                "归纳后的对领导班子意见数（{opinionsOnTeamConsolidated}）不能超过原始意见数（{opinionsOnTeamRaw}）。",
                "opinionsOnTeamConsolidated"),
            NotAbove("memberOpinionsConsolidatedWithinRaw", "opinionsOnMembersRaw",
                "{opinionsOnMembersConsolidated} consolidated opinions on members exceed the {opinionsOnMembersRaw} collected.",
                "归纳后的对班子成员意见数（{opinionsOnMembersConsolidated}）不能超过原始意见数（{opinionsOnMembersRaw}）。",
                "opinionsOnMembersConsolidated"),
        ]);

    public static readonly ActivityDescriptor Appraisal = CatalogDescriptors.Task(
        "Campaign.Appraisal", ActivityCategories.Participation,
        LocalizedText.Of("Mass appraisal", "群众评议"),
        LocalizedText.Of(
            "Participants from inside and outside the bureau rate the work; the engine computes the satisfaction rate.",
            "组织各界代表和干部职工对工作进行满意度测评，由系统计算满意率。"),
        ForTask(Input("aspects", DataType.Array, "Aspects", "测评内容")),
        [
            Date("heldOn", "Held on", "测评日期"),
            // An appraisal nobody took part in has no satisfaction rate: at least one participant.
            Count("participants", "Participants", "参评人数", "people", required: true, minimum: 1),
            Count("satisfied", "Satisfied", "满意人数", "people", required: true),
            Ratio("satisfaction", "Satisfaction rate", "满意率", "satisfied", "participants"),
            Array("participantGroups", "Participant groups", "参评人员构成"),
        ],
        [
            NotAbove("satisfiedWithinParticipants", "participants",
                "{satisfied} satisfied participants exceed the {participants} who took part.",
                "满意人数（{satisfied}）不能超过参评人数（{participants}）。",
                "satisfied"),
        ]);
}
