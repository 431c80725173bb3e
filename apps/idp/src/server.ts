import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminHandler } from './admin/router.js';
import type { IdpDeps } from './context.js';
import { HttpError, readBody, sendEmpty, sendJson } from './http/io.js';
import { createLoginHandler } from './login/routes.js';
import { backchannelLogout, introspect, userinfo } from './oidc/endpoints.js';
import { KeyStore } from './oidc/keys.js';
import { createProvider } from './oidc/provider.js';
import { logoutWithHint } from './oidc/rp-logout.js';
import { UserSessions } from './oidc/user-sessions.js';
import { loadRealm } from './realm/load.js';
import type { Env } from './realm/placeholders.js';
import { StateStore } from './store/state-store.js';
import { BruteForceProtector } from './users/brute-force.js';
import { UserStore } from './users/store.js';

export interface IdpOptions {
  /** Data directory (keys, users, sessions). */
  dataDir: string;
  /** Keycloak realm representation (deploy/keycloak/realm-ERP_Velosi.json). */
  realmFile: string;
  /** Users-export overlay with demo users; omit for none. */
  usersFile?: string;
  /** 0 = ephemeral (tests). Default 0. */
  port?: number;
  host?: string;
  /** Public base URL (issuer = <publicUrl>/realms/<realm>); default http://<host>:<port>. */
  publicUrl?: string;
  /** Variables for the realm files' ${VAR} placeholders; default process.env. */
  env?: Env;
}

export interface RunningIdp {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  issuer: string;
  close(): Promise<void>;
  /** Adds a new signing key (new kid signs from now on; old keys stay in the JWKS). Returns its kid. */
  rotateKeys(): Promise<string>;
}

export class ProductionRefusedError extends Error {
  constructor() {
    super(
      'The Velosi dev identity provider must not run with NODE_ENV=production: use Keycloak (see deploy/keycloak).',
    );
  }
}

/** Dev defaults of the realm placeholders, as in the README's configuration table (never for production). */
const DEV_DEFAULTS: Env = {
  VELOSI_WEB_URL: 'http://localhost:3000',
  VELOSI_AUTH_CLIENT_SECRET: 'velosi-auth-dev-secret',
};

export async function startIdp(options: IdpOptions): Promise<RunningIdp> {
  if (process.env.NODE_ENV === 'production' || options.env?.NODE_ENV === 'production')
    throw new ProductionRefusedError();
  const env: Env = { ...DEV_DEFAULTS, ...(options.env ?? process.env) };
  const realm = await loadRealm({ realmFile: options.realmFile, usersFile: options.usersFile, env });
  const users = await UserStore.open(options.dataDir, realm.seedUsers, realm);
  const state = await StateStore.open(options.dataDir);
  const keys = await KeyStore.open(options.dataDir);

  const server = createServer();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = (options.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(
    /\/$/,
    '',
  );
  const publicUrl = new URL(base);
  const realmPath = `/realms/${realm.name}`;
  const deps: IdpDeps = {
    realm,
    users,
    protector: new BruteForceProtector(realm.bruteForce, users),
    state,
    keys,
    sessions: new UserSessions(state, realm),
    issuer: `${base}${realmPath}`,
    realmPath,
  };

  let provider = createProvider(deps);
  let callback = provider.callback();
  const handleLogin = createLoginHandler(deps, () => provider);
  const handleAdmin = createAdminHandler(deps, base);
  const protocol = `${realmPath}/protocol/openid-connect`;

  async function toProvider(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Mounted under /realms/<realm>: oidc-provider derives its URLs from originalUrl minus url.
    Object.assign(req, { originalUrl: req.url });
    req.url = req.url!.slice(realmPath.length) || '/';
    req.headers['x-forwarded-host'] = publicUrl.host;
    req.headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
    await callback(req, res);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://idp.invalid');
    const path = url.pathname;
    if (path.startsWith(`/admin/realms/${realm.name}/`)) return handleAdmin(req, res, url);
    if (path.startsWith(`${realmPath}/login-actions/authenticate/`)) return handleLogin(req, res, url);
    if (path === `${protocol}/userinfo`) return userinfo(deps, req, res);
    if (path === `${protocol}/token/introspect` && req.method === 'POST')
      return introspect(deps, provider, req, res);
    if (path === `${protocol}/logout` && req.method === 'POST') {
      const raw = await readBody(req);
      const form = new URLSearchParams(raw.toString('utf8'));
      if (await backchannelLogout(deps, provider, req, res, form)) return;
      if (await logoutWithHint(deps, req, res, form)) return;
      // Body already consumed: oidc-provider falls back to req.body for urlencoded forms.
      Object.assign(req, { body: raw });
      return toProvider(req, res);
    }
    if (
      path === `${protocol}/logout` &&
      req.method === 'GET' &&
      (await logoutWithHint(deps, req, res, url.searchParams))
    )
      return;
    if (path === realmPath && req.method === 'GET') return realmInfo(deps, res);
    // Browsers ask the origin of every page (the login page) for an icon: an empty answer, cached,
    // rather than a 404 in their console on each sign-in.
    if (path === '/favicon.ico' && req.method === 'GET')
      return sendEmpty(res, 204, { 'cache-control': 'public, max-age=86400' });
    if (path.startsWith(`${realmPath}/`)) return toProvider(req, res);
    return sendJson(res, 404, { error: 'Unable to find matching target resource method' });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, error.body);
      console.error('[idp] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'unknown_error' });
      else res.end();
    });
  });

  return {
    url: base,
    issuer: deps.issuer,
    async rotateKeys() {
      const kid = await keys.rotate();
      // oidc-provider reads its keys once: rebuild it (all its state lives in the shared store).
      provider = createProvider(deps);
      callback = provider.callback();
      return kid;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await Promise.all([state.flush(), users.persist()]);
    },
  };
}

/** GET /realms/<realm>: Keycloak's public realm info (adapters read the public key here). */
function realmInfo(deps: IdpDeps, res: ServerResponse): void {
  sendJson(res, 200, {
    realm: deps.realm.name,
    'token-service': `${deps.issuer}/protocol/openid-connect`,
    'account-service': `${deps.issuer}/account`,
    'tokens-not-before': 0,
  });
}
