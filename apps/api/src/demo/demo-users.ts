import { z } from 'zod';
import type { KeycloakAdminClient } from '../users/keycloak-admin.client.js';
import type { DemoCommercial } from './seed.js';

const UserListSchema = z.array(z.object({ id: z.string().min(1), username: z.string() }));

/**
 * Records are assigned by token `sub`, which the IdP generates per installation (the dev IdP makes
 * random ids on its first start; Keycloak too). So the seed looks the demo users up by username
 * through the Admin REST API with the velosi_auth service account — the same call works against
 * the dev IdP and real Keycloak. Users that do not exist are skipped.
 */
export async function resolveDemoCommercials(
  admin: KeycloakAdminClient,
  usernames: readonly string[],
): Promise<DemoCommercial[]> {
  const found: DemoCommercial[] = [];
  for (const username of usernames) {
    const path = `/users?username=${encodeURIComponent(username)}&exact=true`;
    const res = await withOneRetry(() => admin.request('GET', path));
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    const user = UserListSchema.parse(res.body).find((u) => u.username === username);
    if (user) found.push({ username, sub: user.id });
  }
  return found;
}

/**
 * The seed runs once, at start-up, right when the IdP may still be warming up or may have closed an
 * idle keep-alive connection the request reused ("other side closed"): one retry after a short
 * pause spares the developer an empty first start.
 */
async function withOneRetry<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 500));
    return work();
  }
}
