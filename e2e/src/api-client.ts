// A demo user's API client for journeys that prepare data without the browser.
import { expect } from 'vitest';
import { demoLogins } from '../../scripts/lib/stack.mjs';

/** Signs `username` in through `POST /api/auth/login`; answers a JSON caller that expects 2xx. */
export async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: demoLogins()[username] }),
  });
  expect(login.status).toBe(200);
  const { access_token: token } = (await login.json()) as { access_token: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return JSON.parse(text) as T;
  };
}

/** The id of the demo's booked sea job (apps/api/src/jobs/demo), which the job journeys edit. */
export async function bookedDemoJobId(api: Awaited<ReturnType<typeof apiAs>>): Promise<string> {
  const { items } = await api<{ items: { id: string }[] }>('GET', '/api/jobs?status=booked&pageSize=10');
  return items[0]!.id;
}
