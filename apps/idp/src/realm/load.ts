import { readFile } from 'node:fs/promises';
import { stableUuid } from './ids.js';
import { substitutePlaceholders, type Env } from './placeholders.js';
import { RoleCatalog } from './roles.js';
import { RealmFileSchema, UsersFileSchema, type ClientInput, type UserInput } from './schema.js';

export interface RealmClient {
  clientId: string;
  /** Keycloak's internal client id (the UUID used as key in UserSessionRepresentation.clients). */
  uuid: string;
  name?: string;
  enabled: boolean;
  publicClient: boolean;
  secret?: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  webOrigins: string[];
  standardFlow: boolean;
  directAccessGrants: boolean;
  serviceAccounts: boolean;
  pkceMethod?: string;
  consentRequired: boolean;
  /** Extra `aud` values from oidc-audience-mapper protocol mappers (access tokens). */
  audiences: string[];
}

export interface BruteForceSettings {
  enabled: boolean;
  permanentLockout: boolean;
  failureFactor: number;
  waitIncrementSeconds: number;
  quickLoginCheckMilliSeconds: number;
  minimumQuickLoginWaitSeconds: number;
  maxFailureWaitSeconds: number;
  maxDeltaTimeSeconds: number;
}

export interface Realm {
  name: string;
  id: string;
  displayName: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  accessCodeLifespan: number;
  accessCodeLifespanLogin: number;
  loginWithEmailAllowed: boolean;
  duplicateEmailsAllowed: boolean;
  editUsernameAllowed: boolean;
  passwordPolicy?: string;
  bruteForce: BruteForceSettings;
  locales: { supported: string[]; default: string };
  roles: RoleCatalog;
  clients: RealmClient[];
  /** Users to create on first start: the realm's own (service accounts) plus the dev overlay. */
  seedUsers: UserInput[];
}

export interface RealmSources {
  realmFile: string;
  /** Keycloak users-export overlay (dev demo users); optional. */
  usersFile?: string;
  env: Env;
}

/** Keycloak separates multi-valued client attributes with "##". */
const splitAttribute = (value: string | undefined): string[] =>
  value
    ? value
        .split('##')
        .map((item) => item.trim())
        .filter(Boolean)
    : [];

function absolute(uri: string, rootUrl: string | undefined): string {
  return uri.startsWith('/') && rootUrl ? `${rootUrl.replace(/\/$/, '')}${uri}` : uri;
}

function toClient(realmId: string, input: ClientInput): RealmClient {
  const redirectUris = input.redirectUris.map((uri) => absolute(uri, input.rootUrl));
  const postLogout = splitAttribute(input.attributes['post.logout.redirect.uris']).flatMap((uri) =>
    uri === '+' ? redirectUris : [absolute(uri, input.rootUrl)],
  );
  // "+" in webOrigins means "the origins of the redirect URIs", as in Keycloak.
  const webOrigins = input.webOrigins.flatMap((origin) =>
    origin === '+'
      ? redirectUris.flatMap((uri) => (URL.canParse(uri) ? [new URL(uri).origin] : []))
      : [origin],
  );
  const audiences = input.protocolMappers
    .filter((mapper) => mapper.protocolMapper === 'oidc-audience-mapper')
    .filter((mapper) => mapper.config['access.token.claim'] !== 'false')
    .flatMap((mapper) => [
      mapper.config['included.custom.audience'],
      mapper.config['included.client.audience'],
    ])
    .filter((aud): aud is string => Boolean(aud));
  return {
    clientId: input.clientId,
    uuid: input.id ?? stableUuid(realmId, 'client', input.clientId),
    name: input.name,
    enabled: input.enabled && !input.bearerOnly,
    publicClient: input.publicClient,
    secret: input.secret,
    redirectUris,
    postLogoutRedirectUris: [...new Set(postLogout)],
    webOrigins: [...new Set(webOrigins)],
    standardFlow: input.standardFlowEnabled,
    directAccessGrants: input.directAccessGrantsEnabled,
    serviceAccounts: input.serviceAccountsEnabled,
    pkceMethod: input.attributes['pkce.code.challenge.method'] || undefined,
    consentRequired: input.consentRequired,
    audiences: [...new Set(audiences)],
  };
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new Error(`cannot read realm file ${path}: ${(cause as Error).message}`, { cause });
  }
}

export async function loadRealm(sources: RealmSources): Promise<Realm> {
  const file = RealmFileSchema.parse(substitutePlaceholders(await readJson(sources.realmFile), sources.env));
  const overlay = sources.usersFile
    ? UsersFileSchema.parse(substitutePlaceholders(await readJson(sources.usersFile), sources.env))
    : { users: [] };
  const realmId = file.id ?? stableUuid('realm', file.realm);
  const clients = file.clients.map((client) => toClient(realmId, client));
  const supported =
    file.internationalizationEnabled && file.supportedLocales.length > 0 ? file.supportedLocales : ['en'];
  return {
    name: file.realm,
    id: realmId,
    displayName: file.displayName ?? file.realm,
    accessTokenLifespan: file.accessTokenLifespan,
    ssoSessionIdleTimeout: file.ssoSessionIdleTimeout,
    ssoSessionMaxLifespan: file.ssoSessionMaxLifespan,
    accessCodeLifespan: file.accessCodeLifespan,
    accessCodeLifespanLogin: file.accessCodeLifespanLogin,
    loginWithEmailAllowed: file.loginWithEmailAllowed,
    duplicateEmailsAllowed: file.duplicateEmailsAllowed,
    editUsernameAllowed: file.editUsernameAllowed,
    passwordPolicy: file.passwordPolicy,
    bruteForce: {
      enabled: file.bruteForceProtected,
      permanentLockout: file.permanentLockout,
      failureFactor: Math.max(1, file.failureFactor),
      waitIncrementSeconds: file.waitIncrementSeconds,
      quickLoginCheckMilliSeconds: file.quickLoginCheckMilliSeconds,
      minimumQuickLoginWaitSeconds: file.minimumQuickLoginWaitSeconds,
      maxFailureWaitSeconds: file.maxFailureWaitSeconds,
      maxDeltaTimeSeconds: file.maxDeltaTimeSeconds,
    },
    locales: { supported, default: file.defaultLocale ?? supported[0] ?? 'en' },
    roles: new RoleCatalog(realmId, file),
    clients,
    seedUsers: [...file.users, ...overlay.users],
  };
}

export function findClient(realm: Realm, clientId: string): RealmClient | undefined {
  return realm.clients.find((client) => client.clientId === clientId && client.enabled);
}
