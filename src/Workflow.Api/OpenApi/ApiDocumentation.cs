using Microsoft.OpenApi;

namespace Workflow.Api.OpenApi;

/// <summary>The OpenAPI document (Swashbuckle) at /swagger/v1/swagger.json and Swagger UI at /swagger, both without a key.</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Campaign workflow API",
                Version = "v1",
                Description = "Drive multi-phase campaigns, read their progress and history. Every endpoint but health and this document " +
                              "needs an API key in X-Api-Key. Refusals are problem details (application/problem+json) with a stable `code`.",
                Contact = new OpenApiContact { Name = "The operators of this server" },
            });
            // Relative to wherever the document is served from: every installation is its own server.
            options.AddServer(new OpenApiServer { Url = "/", Description = "This server" });
            options.AddSecurityDefinition("ApiKey", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key (cwk_…). The first start on the embedded database prints an admin key; `create-key` makes one on any database.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            // Non-nullable properties of the records are required and not nullable in the schemas.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<ExampleSchemaFilter>();
            options.OperationFilter<OperationDocumentationFilter>();
            // A schema is named for what it is (ProgressResponse, not CampaignProgressProgressResponse), wherever its record is
            // nested; two records of one name would make Swashbuckle refuse to build the document, so names stay unique.
            options.CustomSchemaIds(type => type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(a => a.Name))
                : type.Name);
            var xml = Path.Combine(AppContext.BaseDirectory, "Workflow.Api.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
        });
        return services;
    }

    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.SwaggerEndpoint("/swagger/v1/swagger.json", "Campaign workflow API v1"));
        return app;
    }
}
