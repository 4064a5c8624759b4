using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Identity;

/// <summary>The API on SQLite with the test OpenID Connect provider (tools/oidc-provider) configured as its sign-in.</summary>
public class OidcApiFactory : ApiFactory
{
    public OidcApiFactory()
    {
        foreach (var (key, value) in OidcTestProvider.ApiSettings()) Settings[key] = value;
    }

    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "campaigns.db")};Pooling=True";
}
