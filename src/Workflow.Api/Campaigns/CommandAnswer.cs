// A command's answer: the stored response text, or a problem. Commands answer text rather than Ok<CampaignResponse>
// because a repeated Idempotency-Key must get the very bytes the first answer had (read back from the idempotency
// record), so their endpoints name the body's schema with Produces<CampaignResponse>() instead of the result type.
global using CommandAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;
