import { z } from 'zod';

/**
 * The subset of Keycloak's RealmRepresentation / users-export format this IdP understands. Unknown
 * keys are kept (looseObject) because the realm file is written for real Keycloak first. After
 * placeholder substitution a number or boolean may arrive as a string ("${X:300}"), which Keycloak's
 * Jackson mapper accepts too, so both forms are accepted here.
 */
const flag = (fallback: boolean) =>
  z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]).default(fallback);
const count = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback);
const strings = z.array(z.string()).default([]);

export const RoleCompositesSchema = z.looseObject({
  realm: strings,
  client: z.record(z.string(), z.array(z.string())).default({}),
});

export const RoleSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  composite: flag(false),
  composites: RoleCompositesSchema.optional(),
});

export const ProtocolMapperSchema = z.looseObject({
  name: z.string(),
  protocolMapper: z.string(),
  config: z.record(z.string(), z.string()).default({}),
});

export const ClientSchema = z.looseObject({
  clientId: z.string().min(1),
  id: z.string().optional(),
  name: z.string().optional(),
  enabled: flag(true),
  publicClient: flag(false),
  bearerOnly: flag(false),
  secret: z.string().optional(),
  rootUrl: z.string().optional(),
  redirectUris: strings,
  webOrigins: strings,
  standardFlowEnabled: flag(true),
  implicitFlowEnabled: flag(false),
  directAccessGrantsEnabled: flag(false),
  serviceAccountsEnabled: flag(false),
  consentRequired: flag(false),
  fullScopeAllowed: flag(true),
  attributes: z.record(z.string(), z.string()).default({}),
  protocolMappers: z.array(ProtocolMapperSchema).default([]),
});

export const CredentialSchema = z.looseObject({
  type: z.string().default('password'),
  value: z.string().optional(),
  temporary: flag(false),
});

export const UserSchema = z.looseObject({
  id: z.string().optional(),
  username: z.string().min(1),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  enabled: flag(true),
  emailVerified: flag(false),
  createdTimestamp: z.coerce.number().optional(),
  serviceAccountClientId: z.string().optional(),
  credentials: z.array(CredentialSchema).default([]),
  realmRoles: strings,
  clientRoles: z.record(z.string(), z.array(z.string())).default({}),
  requiredActions: strings,
  attributes: z.record(z.string(), z.array(z.string())).default({}),
});

export const RealmFileSchema = z.looseObject({
  realm: z.string().min(1),
  id: z.string().optional(),
  displayName: z.string().optional(),
  enabled: flag(true),
  accessTokenLifespan: count(300),
  ssoSessionIdleTimeout: count(1800),
  ssoSessionMaxLifespan: count(36000),
  accessCodeLifespan: count(60),
  accessCodeLifespanLogin: count(1800),
  revokeRefreshToken: flag(false),
  loginWithEmailAllowed: flag(true),
  duplicateEmailsAllowed: flag(false),
  editUsernameAllowed: flag(false),
  passwordPolicy: z.string().optional(),
  bruteForceProtected: flag(false),
  permanentLockout: flag(false),
  failureFactor: count(30),
  waitIncrementSeconds: count(60),
  quickLoginCheckMilliSeconds: count(1000),
  minimumQuickLoginWaitSeconds: count(60),
  maxFailureWaitSeconds: count(900),
  maxDeltaTimeSeconds: count(43200),
  internationalizationEnabled: flag(false),
  supportedLocales: strings,
  defaultLocale: z.string().optional(),
  roles: z
    .looseObject({
      realm: z.array(RoleSchema).default([]),
      client: z.record(z.string(), z.array(RoleSchema)).default({}),
    })
    .default({ realm: [], client: {} }),
  clients: z.array(ClientSchema).default([]),
  users: z.array(UserSchema).default([]),
});

export const UsersFileSchema = z.looseObject({
  realm: z.string().optional(),
  users: z.array(UserSchema).default([]),
});

export type RoleInput = z.infer<typeof RoleSchema>;
export type ClientInput = z.infer<typeof ClientSchema>;
export type UserInput = z.infer<typeof UserSchema>;
export type RealmFile = z.infer<typeof RealmFileSchema>;
