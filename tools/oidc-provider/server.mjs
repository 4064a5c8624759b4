// A real OpenID Connect provider for the tests (node-oidc-provider, OpenID Certified), on loopback only.
// test.sh starts it and exports its issuer as WORKFLOW_TEST_OIDC; a test fixture may start it itself.
//
//   PORT            the port to listen on (127.0.0.1); 0 picks one
//   prints "ready <issuer>" on standard output once it listens.
//
// What it offers (all of it fixed here, for tests; nothing of it belongs in production):
//   workflow-web      public client: authorization code + PKCE (S256), redirects to /app/signin… on any loopback port
//   workflow-service  client credentials, secret "service-secret": JWT access tokens for the API
//   workflow-short    client credentials, secret "short-secret": tokens that expire after 2 s
//   accounts          the devInteractions login form takes any name and any password; the names in ACCOUNTS
//                     below carry a display name, groups, organization and roles
import Provider from 'oidc-provider';

export const AUDIENCE = 'urn:campaign-workflow:api';
export const OTHER_AUDIENCE = 'urn:another-service:api';

const ACCOUNTS = {
  'zhang.wei': { name: '张伟', groups: ['party-committee', 'campaign-office'], organization: 'bureau-a', roles: ['operator'] },
  'li.na': { name: '李娜', groups: ['party-group-1'], organization: 'bureau-a', roles: ['participant'] },
};
const SERVICE_CLAIMS = {
  'workflow-service': { groups: ['integrations'], organization: 'bureau-a', roles: ['operator'] },
  'workflow-short': { roles: ['operator'] },
};

const loopback = (uri) => {
  const parsed = URL.parse(uri);
  return parsed?.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
};

const port = Number(process.env.PORT ?? 0);

const configuration = {
  clients: [
    {
      client_id: 'workflow-web',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/app/signin/callback', 'http://localhost/app/signin/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1/app/signin', 'http://localhost/app/signin'],
    },
    { client_id: 'workflow-service', client_secret: 'service-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    { client_id: 'workflow-short', client_secret: 'short-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
  ],
  cookies: { keys: ['workflow-test-oidc-provider-cookie-key'] },
  scopes: ['openid', 'profile'],
  claims: { openid: ['sub'], profile: ['name', 'groups', 'organization', 'roles'] },
  pkce: { required: () => true },
  // The web app's origin is the API host's, on a port chosen per test run.
  clientBasedCORS: (ctx, origin) => loopback(origin),
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => AUDIENCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => ({
        audience: resource,
        scope: 'api',
        accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  ttl: {
    AccessToken: 600,
    ClientCredentials: (ctx, token, client) => (client.clientId === 'workflow-short' ? 2 : 600),
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
    IdToken: 600,
  },
  findAccount: (ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, name: ACCOUNTS[id]?.name ?? id, ...(ACCOUNTS[id] ?? {}) }),
  }),
  // The claims the API maps (groups, organization, roles) in the access token itself.
  extraTokenClaims: (ctx, token) => {
    if (token.accountId) {
      const { name, groups, organization, roles } = ACCOUNTS[token.accountId] ?? { name: token.accountId };
      return { name, groups, organization, roles };
    }
    return SERVICE_CLAIMS[token.clientId];
  },
  // First-party client: no consent screen, the grant covers what it asks for.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addResourceScope(AUDIENCE, 'api');
    await grant.save();
    return grant;
  },
};

const server = (await import('node:http')).createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, configuration);
  // The web app runs on the API host's port, chosen per test run: its redirect URIs match whatever the loopback port.
  const samePathAnyPort = (value, allowed) =>
    loopback(value) && allowed.some((uri) => { const a = new URL(uri); const v = new URL(value); return a.hostname === v.hostname && a.pathname === v.pathname && !v.search; });
  provider.Client.prototype.redirectUriAllowed = function (value) { return samePathAnyPort(value, this.redirectUris); };
  provider.Client.prototype.postLogoutRedirectUriAllowed = function (value) { return samePathAnyPort(value, this.postLogoutRedirectUris); };
  server.on('request', provider.callback());
  console.log(`ready ${issuer}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
