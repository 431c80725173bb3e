import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IdpDeps } from '../context.js';
import { sendEmpty, sendHtml, cookies } from '../http/io.js';
import { errorPage, layout, escapeHtml } from '../login/html.js';
import { messages, pickLocale } from '../login/messages.js';
import { LOCALE_COOKIE } from '../login/provider-pages.js';
import { findClient } from '../realm/load.js';
import { allowRedirect } from './redirect-uris.js';
import { verifyOwnJwt } from './verify.js';

/**
 * RP-initiated logout with an id_token_hint, the Keycloak way: no confirmation page, the whole user
 * session ends and the browser goes straight to post_logout_redirect_uri (with state). Returns
 * false when there is no usable hint, leaving oidc-provider's confirmation flow in charge.
 */
export async function logoutWithHint(
  deps: IdpDeps,
  req: IncomingMessage,
  res: ServerResponse,
  params: URLSearchParams,
): Promise<boolean> {
  const hint = params.get('id_token_hint');
  if (!hint) return false;
  let clientId: string;
  let sid: unknown;
  try {
    // An expired ID token is still a fine hint (Keycloak accepts it too): only signature and issuer.
    const { payload } = await verifyOwnJwt(deps, hint, { clockTolerance: 1e9 });
    clientId = typeof payload.azp === 'string' ? payload.azp : [payload.aud ?? []].flat()[0]!;
    sid = payload.sid;
  } catch {
    return false;
  }
  const locale = pickLocale(
    [cookies(req)[LOCALE_COOKIE], params.get('ui_locales') ?? undefined],
    deps.realm.locales.supported,
    deps.realm.locales.default,
  );
  const client = findClient(deps.realm, clientId);
  const redirect = params.get('post_logout_redirect_uri');
  if (!client || (redirect && !allowRedirect(client.postLogoutRedirectUris, redirect))) {
    sendHtml(res, 400, errorPage(locale, deps.realm.displayName, 'Invalid redirect uri'));
    return true;
  }
  if (typeof sid === 'string') await deps.sessions.end(sid);
  if (redirect) {
    const target = new URL(redirect);
    const state = params.get('state');
    if (state) target.searchParams.set('state', state);
    sendEmpty(res, 302, { location: target.href });
    return true;
  }
  const t = messages(locale);
  sendHtml(
    res,
    200,
    layout({
      locale,
      realmName: deps.realm.displayName,
      title: t.logoutConfirmTitle,
      body: `<p id="kc-logout-success" role="status">${escapeHtml(t.successLogout)}</p>`,
    }),
  );
  return true;
}
