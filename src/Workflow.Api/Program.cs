using Workflow.Api.Activities;
using Workflow.Api.Campaigns;
using Workflow.Api.Definitions;
using Workflow.Api.Errors;
using Workflow.Api.Health;
using Workflow.Api.History;
using Workflow.Api.Identity;
using Workflow.Api.OpenApi;
using Workflow.Api.Tasks;
using Workflow.Api.Database;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStorage(builder.Configuration, builder.Environment);
builder.Services.AddErrors();
builder.Services.AddApiKeyIdentity();
builder.Services.AddDefinitionCatalog();
builder.Services.AddCampaignCommands();
builder.Services.AddApiDocumentation();
builder.Services.AddHealth();

var app = builder.Build();

app.UseErrors();
// Before authorization: the document and its UI are middleware, not endpoints, so the fallback
// policy (a key for everything) would otherwise cover them too.
app.UseApiDocumentation();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealth();
app.MapActivityDescriptors();
app.MapDefinitions();
app.MapCampaigns();
app.MapTasks();
app.MapHistory();

await app.PrepareStorageAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
