// Helpers of smoke.mjs: HTTP calls, JWT decoding, the browser-like code flow and the recorder of
// Admin REST exchanges (the samples the dev IdP is compared against).
import { createHash, randomBytes } from 'node:crypto';
import { URLSearchParams } from 'node:url';
export const KC_URL = process.env.KC_URL ?? 'http://localhost:8180';
export const REALM = 'ERP_Velosi';
export const SECRET = process.env.VELOSI_AUTH_CLIENT_SECRET ?? 'velosi-auth-dev-secret';
export const WEB_URL = process.env.VELOSI_WEB_URL ?? 'http://localhost:3000';
export const OIDC = `${KC_URL}/realms/${REALM}/protocol/openid-connect`;
export const ADMIN = `${KC_URL}/admin/realms/${REALM}`;

export const results = { passed: 0, failed: 0 };
export function check(name, ok, detail) {
  if (ok) results.passed += 1;
  else results.failed += 1;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${name}${ok || detail === undefined ? '' : ` — ${JSON.stringify(detail)}`}`,
  );
}

const b64url = (buf) => Buffer.from(buf).toString('base64url');
export const decode = (jwt) => {
  const [h, p] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url')),
    payload: JSON.parse(Buffer.from(p, 'base64url')),
  };
};

export async function call(method, url, { token, form, json, headers = {}, redirect = 'follow' } = {}) {
  const h = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  let body;
  if (form) body = new URLSearchParams(form);
  if (json !== undefined) {
    h['content-type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const res = await fetch(url, { method, headers: h, body, redirect });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* keep text (HTML pages) */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export const adminSamples = [];
// Records one Admin REST exchange as the dev IdP must reproduce it (status, key headers, body).
export async function admin(name, method, path, token, json) {
  const r = await call(method, `${ADMIN}${path}`, { token, json });
  adminSamples.push({
    name,
    request: { method, path: `/admin/realms/${REALM}${path}`, ...(json === undefined ? {} : { body: json }) },
    response: {
      status: r.status,
      headers: Object.fromEntries(
        ['location', 'content-type'].filter((k) => r.headers.has(k)).map((k) => [k, r.headers.get(k)]),
      ),
      body: r.body,
    },
  });
  return r;
}

export const passwordGrant = (clientId, username, password, extra = {}) =>
  call('POST', `${OIDC}/token`, {
    form: { grant_type: 'password', client_id: clientId, username, password, scope: 'openid', ...extra },
  });

// Authorization code + PKCE S256 through Keycloak's login form, as a browser would.
export async function codeFlow(username, password) {
  const verifier = b64url(randomBytes(48));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  const redirectUri = `${WEB_URL}/auth/callback`;
  const q = new URLSearchParams({
    client_id: 'velosi_web',
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri,
    state: 'st1',
    nonce: 'n1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const page = await fetch(`${OIDC}/auth?${q}`, { redirect: 'manual' });
  const cookies = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const html = await page.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
  if (!action) throw new Error(`no login form (status ${page.status})`);
  const login = await fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookies, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password, credentialId: '' }),
  });
  const location = new URL(login.headers.get('location') ?? '');
  const code = location.searchParams.get('code');
  const token = await call('POST', `${OIDC}/token`, {
    form: {
      grant_type: 'authorization_code',
      client_id: 'velosi_web',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    },
  });
  return { lang: /<html[^>]*lang="([^"]+)"/.exec(html)?.[1], location, token };
}

export async function authErrorFor(params) {
  const q = new URLSearchParams({
    client_id: 'velosi_web',
    response_type: 'code',
    scope: 'openid',
    state: 's',
    ...params,
  });
  const res = await fetch(`${OIDC}/auth?${q}`, { redirect: 'manual' });
  const loc = res.headers.get('location');
  return { status: res.status, error: loc ? new URL(loc).searchParams.get('error') : null };
}
