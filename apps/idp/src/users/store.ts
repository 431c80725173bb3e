import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { UserInput } from '../realm/schema.js';
import { JsonFile } from '../store/json-file.js';
import { hashPassword, verifyPassword } from './password.js';

export interface StoredUser {
  id: string;
  username: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  enabled: boolean;
  emailVerified: boolean;
  createdTimestamp: number;
  serviceAccountClientId?: string;
  realmRoles: string[];
  clientRoles: Record<string, string[]>;
  requiredActions: string[];
  attributes: Record<string, string[]>;
  /** scrypt hash; never the plaintext. */
  passwordHash?: string;
  passwordCreated?: number;
  /** Earlier scrypt hashes, newest first, for the passwordHistory policy. */
  previousPasswordHashes?: string[];
}

/** More than any passwordHistory(N) the realm is likely to set; older hashes are dropped. */
const KEPT_PASSWORD_HASHES = 24;

/** Keycloak's per-user login failure record (brute-force detection). */
export interface LoginFailure {
  numFailures: number;
  lastFailure: number;
  failedLoginNotBefore: number;
  lastIPFailure?: string;
}

interface UsersDocument {
  users: StoredUser[];
  loginFailures: Record<string, LoginFailure>;
  /** Usernames already imported from the realm files: deleting one via the Admin API sticks. */
  seeded: string[];
}

export class DuplicateUserError extends Error {
  constructor(readonly field: 'username' | 'email') {
    super(`User exists with same ${field}`);
  }
}

export type UserPatch = Partial<
  Pick<
    StoredUser,
    | 'username'
    | 'email'
    | 'firstName'
    | 'lastName'
    | 'enabled'
    | 'emailVerified'
    | 'requiredActions'
    | 'attributes'
  >
>;

const lower = (value: string | undefined): string | undefined => (value ? value.toLowerCase() : undefined);

export class UserStore {
  private readonly users = new Map<string, StoredUser>();
  readonly loginFailures = new Map<string, LoginFailure>();
  private seeded = new Set<string>();
  private readonly file: JsonFile<UsersDocument>;

  private constructor(
    dataDir: string,
    private readonly options: { duplicateEmailsAllowed: boolean },
  ) {
    this.file = new JsonFile(join(dataDir, 'users.json'), () => ({
      users: [...this.users.values()],
      loginFailures: Object.fromEntries(this.loginFailures),
      seeded: [...this.seeded],
    }));
  }

  static async open(
    dataDir: string,
    seedUsers: readonly UserInput[],
    options: { duplicateEmailsAllowed: boolean },
  ): Promise<UserStore> {
    const store = new UserStore(dataDir, options);
    const saved = await JsonFile.read<UsersDocument>(store.file.path);
    saved?.users.forEach((user) => store.users.set(user.id, user));
    Object.entries(saved?.loginFailures ?? {}).forEach(([id, failure]) =>
      store.loginFailures.set(id, failure),
    );
    store.seeded = new Set(saved?.seeded ?? []);
    await store.seed(seedUsers);
    return store;
  }

  private async seed(seedUsers: readonly UserInput[]): Promise<void> {
    let changed = false;
    for (const input of seedUsers) {
      const username = input.username.toLowerCase();
      if (this.seeded.has(username)) continue;
      this.seeded.add(username);
      changed = true;
      if (this.findByUsername(username)) continue;
      const password = input.credentials.find(
        (credential) => credential.type === 'password' && credential.value,
      );
      const user: StoredUser = {
        id: input.id ?? randomUUID(),
        username,
        email: lower(input.email),
        firstName: input.firstName,
        lastName: input.lastName,
        enabled: input.enabled,
        emailVerified: input.emailVerified,
        createdTimestamp: input.createdTimestamp ?? Date.now(),
        serviceAccountClientId: input.serviceAccountClientId,
        realmRoles: [...input.realmRoles],
        clientRoles: structuredClone(input.clientRoles),
        requiredActions: [...input.requiredActions, ...(password?.temporary ? ['UPDATE_PASSWORD'] : [])],
        attributes: structuredClone(input.attributes),
      };
      if (password?.value) {
        user.passwordHash = await hashPassword(password.value);
        user.passwordCreated = Date.now();
      }
      this.users.set(user.id, user);
    }
    if (changed) await this.file.write();
  }

  list(): StoredUser[] {
    return [...this.users.values()];
  }

  get(id: string): StoredUser | undefined {
    return this.users.get(id);
  }

  findByUsername(username: string): StoredUser | undefined {
    const wanted = username.toLowerCase();
    return this.list().find((user) => user.username === wanted);
  }

  findByEmail(email: string): StoredUser | undefined {
    const wanted = email.toLowerCase();
    return this.list().find((user) => user.email === wanted);
  }

  findServiceAccount(clientId: string): StoredUser | undefined {
    return this.list().find((user) => user.serviceAccountClientId === clientId);
  }

  private assertUnique(candidate: { username: string; email?: string }, selfId?: string): void {
    const byName = this.findByUsername(candidate.username);
    if (byName && byName.id !== selfId) throw new DuplicateUserError('username');
    if (candidate.email && !this.options.duplicateEmailsAllowed) {
      const byEmail = this.findByEmail(candidate.email);
      if (byEmail && byEmail.id !== selfId) throw new DuplicateUserError('email');
    }
  }

  async create(input: Omit<StoredUser, 'id' | 'createdTimestamp'>): Promise<StoredUser> {
    const user: StoredUser = {
      ...input,
      id: randomUUID(),
      createdTimestamp: Date.now(),
      username: input.username.toLowerCase(),
      email: lower(input.email),
    };
    this.assertUnique(user);
    this.users.set(user.id, user);
    await this.file.write();
    return user;
  }

  async update(id: string, patch: UserPatch): Promise<StoredUser | undefined> {
    const current = this.users.get(id);
    if (!current) return undefined;
    const next: StoredUser = { ...current, ...patch };
    next.username = next.username.toLowerCase();
    next.email = patch.email === '' ? undefined : lower(next.email);
    this.assertUnique(next, id);
    this.users.set(id, next);
    await this.file.write();
    return next;
  }

  async setRoleMappings(id: string, realmRoles: string[]): Promise<void> {
    const user = this.users.get(id);
    if (!user) return;
    user.realmRoles = [...new Set(realmRoles)];
    await this.file.write();
  }

  async delete(id: string): Promise<boolean> {
    const existed = this.users.delete(id);
    this.loginFailures.delete(id);
    if (existed) await this.file.write();
    return existed;
  }

  async setPassword(id: string, password: string, temporary: boolean): Promise<void> {
    const user = this.users.get(id);
    if (!user) return;
    if (user.passwordHash)
      user.previousPasswordHashes = [user.passwordHash, ...(user.previousPasswordHashes ?? [])].slice(
        0,
        KEPT_PASSWORD_HASHES,
      );
    user.passwordHash = await hashPassword(password);
    user.passwordCreated = Date.now();
    const others = user.requiredActions.filter((action) => action !== 'UPDATE_PASSWORD');
    user.requiredActions = temporary ? [...others, 'UPDATE_PASSWORD'] : others;
    await this.file.write();
  }

  async checkPassword(user: StoredUser, password: string): Promise<boolean> {
    return user.passwordHash !== undefined && (await verifyPassword(password, user.passwordHash));
  }

  /** Persists login-failure changes made through `loginFailures`. */
  persist(): Promise<void> {
    return this.file.write();
  }
}
