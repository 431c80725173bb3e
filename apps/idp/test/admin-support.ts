import { afterAll, beforeAll } from 'vitest';
import { startTestIdp, type TestIdp } from './support.js';

// The dev IdP's Keycloak admin REST API, called with the velosi_auth service account's token, for
// the admin test files (each starts its own IdP).

export type User = {
  id: string;
  username: string;
  enabled: boolean;
  email?: string;
  access: Record<string, boolean>;
};
export type Role = { id: string; name: string };

export interface AdminIdp {
  readonly t: TestIdp;
  readonly base: string;
  readonly serviceToken: string;
  admin(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
  ): Promise<{ status: number; headers: Headers; body: unknown }>;
  userId(username: string): Promise<string>;
}

/** Starts an IdP for the calling test file (beforeAll) and stops it after (afterAll). */
export function useAdminIdp(): AdminIdp {
  let t: TestIdp | undefined;
  let serviceToken = '';
  let base = '';
  beforeAll(async () => {
    t = await startTestIdp();
    base = `${t.idp.url}/admin/realms/ERP_Velosi`;
    const response = await t.token({ grant_type: 'client_credentials' });
    serviceToken = ((await response.json()) as { access_token: string }).access_token;
  });
  afterAll(() => t?.stop());
  const context: AdminIdp = {
    get t() {
      if (!t) throw new Error('the IdP starts in beforeAll');
      return t;
    },
    get base() {
      return base;
    },
    get serviceToken() {
      return serviceToken;
    },
    async admin(method, path, body, token = serviceToken) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
    },
    async userId(username) {
      const { body } = await context.admin('GET', `/users?username=${username}&exact=true`);
      return (body as User[])[0]!.id;
    },
  };
  return context;
}
