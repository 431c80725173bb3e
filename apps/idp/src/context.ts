import type { Realm } from './realm/load.js';
import type { KeyStore } from './oidc/keys.js';
import type { UserSessions } from './oidc/user-sessions.js';
import type { StateStore } from './store/state-store.js';
import type { BruteForceProtector } from './users/brute-force.js';
import type { UserStore } from './users/store.js';

/** Everything the IdP's parts share; built once by startIdp. */
export interface IdpDeps {
  realm: Realm;
  users: UserStore;
  protector: BruteForceProtector;
  state: StateStore;
  keys: KeyStore;
  sessions: UserSessions;
  /** e.g. http://localhost:8080/realms/ERP_Velosi */
  issuer: string;
  /** e.g. /realms/ERP_Velosi */
  realmPath: string;
}
