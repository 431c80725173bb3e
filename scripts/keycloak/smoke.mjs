// Checks a running Keycloak (scripts/keycloak/run.sh) against the contract of DESIGN.md §3: token
// claims, client settings (PKCE, no direct grants on velosi_web), refresh rotation and the Admin REST
// calls the ERP makes through velosi_auth's service account. Uses only Node's fetch; no deps.
//
//   npx node scripts/keycloak/smoke.mjs [--samples <dir>]
//     --samples <dir>  also write keycloak-token-sample.json and keycloak-admin-samples.json there
//                      (what the dev IdP is compared against).
// Env: KC_URL=http://localhost:8180, VELOSI_AUTH_CLIENT_SECRET=velosi-auth-dev-secret,
//      VELOSI_WEB_URL=http://localhost:3000. Needs the DEV ONLY demo users (commercial1).
// Ends with "N passed, N failed"; exit code 1 when anything failed. Cleans up the user it creates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import {
  ADMIN,
  KC_URL,
  OIDC,
  REALM,
  SECRET,
  WEB_URL,
  admin,
  adminSamples,
  authErrorFor,
  call,
  check,
  codeFlow,
  decode,
  passwordGrant,
  results,
} from './smoke-lib.mjs';

const samplesIdx = process.argv.indexOf('--samples');
const samplesDir = samplesIdx > 0 ? process.argv[samplesIdx + 1] : undefined;

/** Refresh grant through the confidential client (what /api/auth/refresh does). */
const refreshAuth = (refreshToken) =>
  call('POST', `${OIDC}/token`, {
    form: {
      grant_type: 'refresh_token',
      client_id: 'velosi_auth',
      client_secret: SECRET,
      refresh_token: refreshToken,
    },
  });

try {
  const wk = await call('GET', `${KC_URL}/realms/${REALM}/.well-known/openid-configuration`);
  check('discovery answers', wk.status === 200, wk.status);
  check('issuer', wk.body?.issuer === `${KC_URL}/realms/${REALM}`, wk.body?.issuer);
  check('S256 advertised', wk.body?.code_challenge_methods_supported?.includes('S256'));

  // --- password grant through velosi_auth (what /api/auth/login does)
  const pg = await passwordGrant('velosi_auth', 'commercial1', 'Commercial1#2026', { client_secret: SECRET });
  check('password grant velosi_auth → 200', pg.status === 200, pg.body);
  const at = decode(pg.body.access_token);
  const p = at.payload;
  check('header alg RS256 + kid', at.header.alg === 'RS256' && typeof at.header.kid === 'string', at.header);
  check('aud contains velosi-api', [p.aud].flat().includes('velosi-api'), p.aud);
  check('typ Bearer', p.typ === 'Bearer', p.typ);
  check('azp velosi_auth', p.azp === 'velosi_auth', p.azp);
  check('realm_access.roles has COMMERCIAL', p.realm_access?.roles?.includes('COMMERCIAL'), p.realm_access);
  for (const claim of [
    'iss',
    'sub',
    'exp',
    'iat',
    'jti',
    'sid',
    'scope',
    'preferred_username',
    'email',
    'name',
    'given_name',
    'family_name',
    'resource_access',
  ]) {
    check(`claim ${claim} present`, p[claim] !== undefined, Object.keys(p));
  }
  check('exp - iat = 300', p.exp - p.iat === 300, p.exp - p.iat);
  // Keycloak computes it from the session start, so it may already be a second short.
  check(
    'refresh_expires_in ≈ SSO idle 28800',
    Math.abs(pg.body.refresh_expires_in - 28800) <= 2,
    pg.body.refresh_expires_in,
  );

  const badSecret = await passwordGrant('velosi_auth', 'commercial1', 'Commercial1#2026', {
    client_secret: 'wrong',
  });
  check(
    'wrong client secret → 401 unauthorized_client',
    badSecret.status === 401 && badSecret.body?.error === 'unauthorized_client',
    badSecret,
  );
  const webPg = await passwordGrant('velosi_web', 'commercial1', 'Commercial1#2026');
  check(
    'password grant velosi_web refused (400 unauthorized_client)',
    webPg.status === 400 && webPg.body?.error === 'unauthorized_client',
    webPg,
  );

  // --- refresh rotation: a used refresh token must not work twice (revokeRefreshToken, max reuse 0)
  const r1 = await refreshAuth(pg.body.refresh_token);
  check(
    'refresh → 200 with a new refresh token',
    r1.status === 200 && r1.body.refresh_token !== pg.body.refresh_token,
    r1.status,
  );
  const r2 = await refreshAuth(pg.body.refresh_token);
  check(
    'reused refresh token → 400 invalid_grant',
    r2.status === 400 && r2.body?.error === 'invalid_grant',
    r2.body,
  );
  // Reuse detection ends the client session: even the newest refresh token of that session is dead now.
  const r3 = await refreshAuth(r1.body.refresh_token);
  check(
    'after reuse, rotated refresh token also refused (400)',
    r3.status === 400 && r3.body?.error === 'invalid_grant',
    r3.body,
  );
  const revokedUi = await call('GET', `${OIDC}/userinfo`, { token: r1.body.access_token });
  check('after reuse, userinfo with that session → 401', revokedUi.status === 401, revokedUi.status);

  // --- velosi_web: PKCE S256 required
  check(
    'auth without PKCE → invalid_request',
    (await authErrorFor({ redirect_uri: `${WEB_URL}/x` })).error === 'invalid_request',
  );
  const plain = await authErrorFor({
    redirect_uri: `${WEB_URL}/x`,
    code_challenge: 'a'.repeat(43),
    code_challenge_method: 'plain',
  });
  check('auth with plain PKCE → invalid_request', plain.error === 'invalid_request', plain);
  const evil = await authErrorFor({
    redirect_uri: 'http://evil.example/cb',
    code_challenge: 'a'.repeat(43),
    code_challenge_method: 'S256',
  });
  check('foreign redirect_uri → 400 page, no redirect', evil.status === 400 && evil.error === null, evil);
  const cf = await codeFlow('commercial1', 'Commercial1#2026');
  check('login page in French by default', cf.lang === 'fr', cf.lang);
  check('code flow + PKCE → 200', cf.token.status === 200, cf.token.body);
  const cfAt = decode(cf.token.body.access_token);
  check(
    'code-flow token has auth_time, azp velosi_web',
    cfAt.payload.auth_time > 0 && cfAt.payload.azp === 'velosi_web',
    cfAt.payload,
  );
  const ui = await call('GET', `${OIDC}/userinfo`, { token: cf.token.body.access_token });
  check(
    'userinfo → 200 with preferred_username',
    ui.status === 200 && ui.body?.preferred_username === 'commercial1',
    ui,
  );

  // RP-initiated logout of the SPA (what the web's "Déconnexion" does).
  const cf2 = await codeFlow('ops1', 'Ops1#Velosi2026');
  const lq = new URLSearchParams({
    id_token_hint: cf2.token.body.id_token,
    post_logout_redirect_uri: `${WEB_URL}/`,
    state: 'bye',
  });
  const lo = await fetch(`${OIDC}/logout?${lq}`, { redirect: 'manual' });
  check(
    'RP logout → 302 to post_logout_redirect_uri with state',
    lo.status === 302 && lo.headers.get('location') === `${WEB_URL}/?state=bye`,
    lo.headers.get('location'),
  );
  const afterLogout = await call('POST', `${OIDC}/token`, {
    form: {
      grant_type: 'refresh_token',
      client_id: 'velosi_web',
      refresh_token: cf2.token.body.refresh_token,
    },
  });
  check(
    'refresh after RP logout → 400 invalid_grant',
    afterLogout.status === 400 && afterLogout.body?.error === 'invalid_grant',
    afterLogout.body,
  );

  // --- service account + Admin REST
  const cc = await call('POST', `${OIDC}/token`, {
    form: { grant_type: 'client_credentials', client_id: 'velosi_auth', client_secret: SECRET },
  });
  check('client_credentials velosi_auth → 200', cc.status === 200, cc.body);
  const sa = cc.body.access_token;
  const userTok = cf.token.body.access_token;

  check('admin API without token → 401', (await call('GET', `${ADMIN}/users`)).status === 401);
  check(
    'admin API with a COMMERCIAL user token → 403',
    (await call('GET', `${ADMIN}/users`, { token: userTok })).status === 403,
  );
  const list = await admin('list users', 'GET', '/users?first=0&max=20', sa);
  check(
    'GET /users → 200 with demo users',
    list.status === 200 && list.body.some((u) => u.username === 'commercial1'),
    list.status,
  );
  check(
    'service account user hidden from GET /users',
    !list.body.some((u) => u.username.startsWith('service-account-')),
  );
  const c1 = list.body.find((u) => u.username === 'commercial1');
  await admin('get user', 'GET', `/users/${c1.id}`, sa);
  await admin('user realm role mappings', 'GET', `/users/${c1.id}/role-mappings/realm`, sa);
  const sessions = await admin('user sessions', 'GET', `/users/${c1.id}/sessions`, sa);
  check(
    'GET sessions → commercial1 has a velosi_web session',
    sessions.status === 200 && sessions.body.some((s) => Object.values(s.clients).includes('velosi_web')),
    sessions.body,
  );
  await admin('search users', 'GET', '/users?search=comm&first=0&max=1', sa);
  await admin('search exact username', 'GET', '/users?username=commercial1&exact=true', sa);
  await admin('count users', 'GET', '/users/count', sa);
  await admin('count users (search)', 'GET', '/users/count?search=comm', sa);
  const roles = await admin('realm roles', 'GET', '/roles', sa);
  check(
    'GET /roles lists the 4 ERP roles',
    ['ADMIN', 'COMMERCIAL', 'OPERATIONS', 'FINANCE'].every((n) => roles.body.some((r) => r.name === n)),
  );
  await admin('users in role', 'GET', '/roles/COMMERCIAL/users?first=0&max=20', sa);
  await admin('unknown user', 'GET', '/users/00000000-0000-0000-0000-000000000000', sa);

  const stale = list.body.find((u) => u.username === 'smoke.user');
  if (stale) await call('DELETE', `${ADMIN}/users/${stale.id}`, { token: sa });
  const newUser = {
    username: 'Smoke.User',
    email: 'smoke.user@velosi.example',
    firstName: 'Smoke',
    lastName: 'Test',
    enabled: true,
  };
  const created = await admin('create user', 'POST', '/users', sa, newUser);
  check(
    'POST /users → 201 + Location',
    created.status === 201 && created.headers.get('location')?.includes('/users/'),
    created.status,
  );
  const id = created.headers.get('location').split('/').pop();
  const dupU = await admin('duplicate username', 'POST', '/users', sa, {
    ...newUser,
    email: 'other@velosi.example',
  });
  check('duplicate username → 409', dupU.status === 409, dupU.body);
  const dupE = await admin('duplicate email', 'POST', '/users', sa, { ...newUser, username: 'smoke.other' });
  check('duplicate email → 409', dupE.status === 409, dupE.body);
  await admin('create without username', 'POST', '/users', sa, { email: 'nousername@velosi.example' });
  await admin('get created user', 'GET', `/users/${id}`, sa);
  const upd = await admin('update user', 'PUT', `/users/${id}`, sa, { firstName: 'Smoky', enabled: true });
  check('PUT /users/{id} → 204', upd.status === 204, upd.body);
  await admin('update user to a taken email', 'PUT', `/users/${id}`, sa, {
    email: 'commercial1@velosi.example',
  });
  const pw = await admin('reset password', 'PUT', `/users/${id}/reset-password`, sa, {
    type: 'password',
    value: 'Smoke#Velosi2026x',
    temporary: false,
  });
  check('PUT reset-password → 204', pw.status === 204, pw.body);
  const weak = await admin('reset password (policy violation)', 'PUT', `/users/${id}/reset-password`, sa, {
    type: 'password',
    value: 'short',
    temporary: false,
  });
  check('weak password → 400', weak.status === 400, weak.body);
  const fin = roles.body.find((r) => r.name === 'FINANCE');
  const addRole = await admin('add realm role', 'POST', `/users/${id}/role-mappings/realm`, sa, [
    { id: fin.id, name: fin.name },
  ]);
  check('POST role-mappings/realm → 204', addRole.status === 204, addRole.body);
  await admin('add unknown realm role', 'POST', `/users/${id}/role-mappings/realm`, sa, [
    { id: '00000000-0000-0000-0000-000000000000', name: 'NOPE' },
  ]);
  const mapped = await admin('realm role mappings after add', 'GET', `/users/${id}/role-mappings/realm`, sa);
  check(
    'FINANCE now mapped',
    mapped.body.some((r) => r.name === 'FINANCE'),
    mapped.body,
  );
  const newLogin = await passwordGrant('velosi_auth', 'smoke.user', 'Smoke#Velosi2026x', {
    client_secret: SECRET,
  });
  check(
    'created user can log in; token has FINANCE',
    decode(newLogin.body.access_token).payload.realm_access.roles.includes('FINANCE'),
  );
  await admin('created user sessions', 'GET', `/users/${id}/sessions`, sa);
  const delRole = await admin('remove realm role', 'DELETE', `/users/${id}/role-mappings/realm`, sa, [
    { id: fin.id, name: fin.name },
  ]);
  check('DELETE role-mappings/realm → 204', delRole.status === 204, delRole.body);
  const out = await admin('logout user', 'POST', `/users/${id}/logout`, sa);
  check('POST /users/{id}/logout → 204', out.status === 204, out.body);
  const afterOut = await refreshAuth(newLogin.body.refresh_token);
  check('refresh after admin logout → 400 invalid_grant', afterOut.status === 400, afterOut.body);
  const del = await admin('delete user', 'DELETE', `/users/${id}`, sa);
  check('DELETE /users/{id} → 204', del.status === 204, del.body);
  await admin('get deleted user', 'GET', `/users/${id}`, sa);

  if (samplesDir) {
    mkdirSync(samplesDir, { recursive: true });
    const tokenSample = {
      description: `Keycloak ${KC_URL} realm ${REALM}: access token of commercial1, password grant via velosi_auth (scope=openid). Other variants below.`,
      ...at,
      tokenResponse: { ...pg.body, access_token: '<jwt>', refresh_token: '<jwt>', id_token: '<jwt>' },
      passwordGrant: { idToken: decode(pg.body.id_token), refreshToken: decode(pg.body.refresh_token) },
      codeFlowPkce: {
        callbackQuery: Object.fromEntries(cf.location.searchParams),
        accessToken: cfAt,
        idToken: decode(cf.token.body.id_token),
        refreshToken: decode(cf.token.body.refresh_token),
      },
      clientCredentials: { tokenResponse: { ...cc.body, access_token: '<jwt>' }, accessToken: decode(sa) },
      userinfo: ui.body,
      errors: {
        wrongClientSecret: badSecret.body,
        webPasswordGrant: webPg.body,
        reusedRefreshToken: r2.body,
        rotatedRefreshAfterReuse: r3.body,
        userinfoAfterReuse: {
          status: revokedUi.status,
          wwwAuthenticate: revokedUi.headers.get('www-authenticate'),
        },
      },
    };
    writeFileSync(
      join(samplesDir, 'keycloak-token-sample.json'),
      `${JSON.stringify(tokenSample, null, 2)}\n`,
    );
    const adminFile = {
      description: `Keycloak Admin REST API (${KC_URL}) called with velosi_auth's service-account token`,
      calls: adminSamples,
    };
    writeFileSync(join(samplesDir, 'keycloak-admin-samples.json'), `${JSON.stringify(adminFile, null, 2)}\n`);
    console.log(`samples written to ${samplesDir}`);
  }
} catch (err) {
  // An unexpected answer (e.g. no token to decode) still ends with the summary line and exit 1.
  check('smoke run completed', false, err instanceof Error ? err.message : String(err));
}

console.log(`${results.passed} passed, ${results.failed} failed`);
process.exitCode = results.failed === 0 ? 0 : 1;
