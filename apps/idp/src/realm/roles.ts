import { stableUuid } from './ids.js';
import type { RealmFile, RoleInput } from './schema.js';

/** A role known to the realm: a realm role (clientId undefined) or a client role. */
export interface RoleDefinition {
  id: string;
  name: string;
  description?: string;
  clientId?: string;
  composites: RoleRef[];
}

export interface RoleRef {
  clientId?: string;
  name: string;
}

export interface RoleMappings {
  realmRoles: readonly string[];
  clientRoles: Readonly<Record<string, readonly string[]>>;
}

export interface EffectiveRoles {
  realm: string[];
  clients: Record<string, string[]>;
}

const roleKey = (ref: RoleRef): string => (ref.clientId ? `${ref.clientId}/${ref.name}` : ref.name);

/**
 * Roles Keycloak creates by itself in every realm, so tokens carry the same roles as on Keycloak
 * (`default-roles-<realm>`, `offline_access`, the `account` and `realm-management` client roles).
 * Composites mirror Keycloak's (e.g. view-users includes query-users and query-groups).
 */
function builtInRoles(realmName: string): RoleDefinition[] {
  const realm = (name: string, description: string, composites: RoleRef[] = []): RoleDefinition => ({
    id: '',
    name,
    description,
    composites,
  });
  const client = (clientId: string, name: string, composites: string[] = []): RoleDefinition => ({
    id: '',
    name,
    description: `\${role_${name}}`,
    clientId,
    composites: composites.map((child) => ({ clientId, name: child })),
  });
  const management = [
    'manage-users',
    'view-users',
    'query-users',
    'query-groups',
    'view-realm',
    'manage-realm',
    'view-clients',
    'query-clients',
    'manage-clients',
    'view-events',
    'manage-events',
    'view-identity-providers',
    'manage-identity-providers',
    'view-authorization',
    'manage-authorization',
    'create-client',
    'impersonation',
    'query-realms',
  ];
  return [
    realm(`default-roles-${realmName.toLowerCase()}`, '${role_default-roles}', [
      { name: 'offline_access' },
      { name: 'uma_authorization' },
      { clientId: 'account', name: 'view-profile' },
      { clientId: 'account', name: 'manage-account' },
    ]),
    realm('offline_access', '${role_offline-access}'),
    realm('uma_authorization', '${role_uma_authorization}'),
    client('account', 'view-profile'),
    client('account', 'manage-account', ['manage-account-links']),
    client('account', 'manage-account-links'),
    client('account', 'view-applications'),
    client('account', 'view-consent'),
    client('account', 'manage-consent', ['view-consent']),
    client('account', 'delete-account'),
    client('account', 'view-groups'),
    client('realm-management', 'realm-admin', management),
    ...management.map((name) =>
      client(
        'realm-management',
        name,
        name === 'view-users'
          ? ['query-users', 'query-groups']
          : name === 'view-clients'
            ? ['query-clients']
            : [],
      ),
    ),
  ];
}

function fromInput(input: RoleInput, clientId?: string): RoleDefinition {
  const composites: RoleRef[] = [
    ...(input.composites?.realm ?? []).map((name) => ({ name })),
    ...Object.entries(input.composites?.client ?? {}).flatMap(([owner, names]) =>
      names.map((name) => ({ clientId: owner, name })),
    ),
  ];
  return { id: '', name: input.name, description: input.description, clientId, composites };
}

export class RoleCatalog {
  private readonly roles = new Map<string, RoleDefinition>();

  constructor(
    readonly realmId: string,
    file: RealmFile,
  ) {
    const declared = [
      ...file.roles.realm.map((role) => fromInput(role)),
      ...Object.entries(file.roles.client).flatMap(([clientId, roles]) =>
        roles.map((role) => fromInput(role, clientId)),
      ),
    ];
    // Roles declared in the file override built-ins of the same name (e.g. a customised default role).
    for (const role of [...builtInRoles(file.realm), ...declared]) {
      const id = stableUuid(realmId, 'role', role.clientId ?? '', role.name);
      this.roles.set(roleKey(role), { ...role, id });
    }
  }

  get defaultRoleName(): string {
    return [...this.roles.values()].find((role) => !role.clientId && role.name.startsWith('default-roles-'))!
      .name;
  }

  realmRoles(): RoleDefinition[] {
    return [...this.roles.values()].filter((role) => !role.clientId);
  }

  find(ref: RoleRef): RoleDefinition | undefined {
    return this.roles.get(roleKey(ref));
  }

  /** Expands direct role mappings through composites, as Keycloak does when it builds a token. */
  effective(mappings: RoleMappings): EffectiveRoles {
    const seen = new Map<string, RoleRef>();
    const visit = (ref: RoleRef): void => {
      const key = roleKey(ref);
      const role = this.roles.get(key);
      if (!role || seen.has(key)) return;
      seen.set(key, ref);
      role.composites.forEach(visit);
    };
    // Direct client roles first, so resource_access/aud list them before composite-derived ones.
    Object.entries(mappings.clientRoles).forEach(([clientId, names]) =>
      names.forEach((name) => visit({ clientId, name })),
    );
    mappings.realmRoles.forEach((name) => visit({ name }));
    const result: EffectiveRoles = { realm: [], clients: {} };
    for (const ref of seen.values()) {
      if (!ref.clientId) result.realm.push(ref.name);
      else (result.clients[ref.clientId] ??= []).push(ref.name);
    }
    return result;
  }
}
