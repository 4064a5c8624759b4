using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Errors;
using Workflow.Engine.Campaigns;

namespace Workflow.Api.Campaigns;

/// <summary>The one place that maps engine refusals and storage outcomes to HTTP statuses and problem details.</summary>
public static class CampaignProblems
{
    public static ProblemHttpResult Refused(HttpContext context, CampaignRefusal refusal)
    {
        var status = refusal.Code switch
        {
            "task.not_found" => 404,
            "task.result_invalid" or "task.assignee_invalid" or CampaignRefusalCodes.InputsInvalid
                or CampaignRefusalCodes.ReasonRequired or CampaignRefusalCodes.PhaseUnknown => 422,
            _ => 409,
        };
        var arguments = new Dictionary<string, string>(refusal.Arguments);
        if (Messages.IsChinese(context)) RefusalWording.ToChinese(refusal, arguments);
        else if (refusal.Code == CampaignRefusalCodes.TriggerNotPermitted) arguments["reasons"] = string.Join("; ", refusal.UnmetGuards);
        var extensions = new Dictionary<string, object?>();
        if (!refusal.Gates.IsDefaultOrEmpty) extensions["gates"] = refusal.Gates.Select(g => GateView.From(g, context)).ToList();
        if (!refusal.UnmetGuards.IsDefaultOrEmpty) extensions["unmetGuards"] = refusal.UnmetGuards;
        if (!refusal.WaitingFor.IsDefaultOrEmpty) extensions["waitingFor"] = refusal.WaitingFor;
        if (!refusal.FieldErrors.IsDefaultOrEmpty)
            extensions["errors"] = refusal.FieldErrors.Select(e => new { pointer = e.Field, code = e.Code, message = e.Message, arguments = e.Arguments }).ToList();
        return ApiProblem.Create(context, status, refusal.Code, arguments, refusal.Message, extensions);
    }

    public static ProblemHttpResult NotFound(HttpContext context, Guid id) =>
        ApiProblem.Create(context, 404, ProblemCodes.CampaignNotFound, ("campaignId", id.ToString()));

    public static ProblemHttpResult PreconditionFailed(HttpContext context, long current, long expected) =>
        ApiProblem.Create(context, 412, ProblemCodes.PreconditionFailed, ("current", current.ToString()), ("expected", expected.ToString()));
}
