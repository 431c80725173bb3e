import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { IdpDeps } from '../context.js';
import { cookies, readForm, sendHtml, clientIp } from '../http/io.js';
import { passwordViolation } from '../users/password-policy.js';
import { authenticate } from '../users/authenticate.js';
import { errorPage, loginPage, updatePasswordPage } from './html.js';
import { format, messages, pickLocale, type Locale, type MessageKey } from './messages.js';
import { LOCALE_COOKIE } from './provider-pages.js';

/** Set in the interaction result while a temporary password must be replaced. */
const PENDING_UPDATE = 'velosiPendingPasswordUpdate';

/**
 * Our login page, served at /realms/<realm>/login-actions/authenticate/<interaction uid>. CSRF: the
 * form only works together with oidc-provider's interaction cookie (signed, httpOnly,
 * SameSite=Lax, scoped to this path), which a cross-site POST does not carry.
 */
export function createLoginHandler(deps: IdpDeps, provider: () => Provider) {
  const { realm, users, protector, realmPath } = deps;
  const usernameLabel = realm.loginWithEmailAllowed ? 'usernameOrEmail' : 'username';

  return async function handleLogin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const op = provider();
    const requested = url.searchParams.get('kc_locale') ?? undefined;
    let details: Interaction;
    try {
      details = await op.interactionDetails(req, res);
    } catch {
      const locale = pickLocale(
        [requested, cookies(req)[LOCALE_COOKIE]],
        realm.locales.supported,
        realm.locales.default,
      );
      return sendHtml(res, 400, errorPage(locale, realm.displayName, messages(locale).expiredActionMessage));
    }
    const params = details.params as { ui_locales?: string; login_hint?: string };
    const locale = pickLocale(
      [requested, cookies(req)[LOCALE_COOKIE], params.ui_locales],
      realm.locales.supported,
      realm.locales.default,
    );
    const headers =
      requested === locale
        ? { 'set-cookie': `${LOCALE_COOKIE}=${locale}; Path=${realmPath}/; HttpOnly; SameSite=Lax` }
        : {};
    const action = url.pathname;
    const page = { locale, realmName: realm.displayName, action, supportedLocales: realm.locales.supported };
    const localeHref = (code: Locale) => `${action}?kc_locale=${code}`;
    const t = messages(locale);
    const pendingUserId = details.result?.[PENDING_UPDATE] as string | undefined;

    if (details.prompt.name === 'consent') return finishConsent(op, req, res, details);

    if (req.method === 'GET') {
      const html = pendingUserId
        ? updatePasswordPage({ ...page, localeHref })
        : loginPage({ ...page, username: params.login_hint, usernameLabel, localeHref });
      return sendHtml(res, 200, html, headers);
    }

    const form = await readForm(req);
    if (form.get('action') === 'update-password' && pendingUserId) {
      const user = users.get(pendingUserId);
      const next = form.get('password-new') ?? '';
      let error: string | undefined;
      if (!next) error = t.missingPasswordMessage;
      else if (next !== form.get('password-confirm')) error = t.notMatchPasswordMessage;
      else if (user) {
        const violation = await passwordViolation(realm.passwordPolicy, next, user);
        if (violation) {
          const translated = (t as Record<string, string>)[violation.key as MessageKey];
          error = translated
            ? format(translated, violation.message.match(/\d+/)?.[0] ?? '')
            : violation.message;
        }
      }
      if (error || !user)
        return sendHtml(res, 200, updatePasswordPage({ ...page, localeHref, error }), headers);
      await users.setPassword(user.id, next, false);
      return op.interactionFinished(req, res, loginResult(user.id), { mergeWithLastSubmission: false });
    }

    const username = form.get('username') ?? '';
    const result = await authenticate(
      realm,
      users,
      protector,
      username,
      form.get('password') ?? '',
      clientIp(req),
    );
    if (result.ok) {
      return op.interactionFinished(req, res, loginResult(result.user.id), {
        mergeWithLastSubmission: false,
      });
    }
    if (result.reason === 'update_password') {
      await op.interactionResult(
        req,
        res,
        { [PENDING_UPDATE]: result.user.id },
        { mergeWithLastSubmission: false },
      );
      return sendHtml(res, 200, updatePasswordPage({ ...page, localeHref }), headers);
    }
    // Keycloak shows the generic message for unknown users, bad passwords and brute-force locks alike.
    const error = result.reason === 'disabled' ? t.accountDisabledMessage : t.invalidUserMessage;
    return sendHtml(res, 200, loginPage({ ...page, username, usernameLabel, localeHref, error }), headers);
  };
}

function loginResult(accountId: string) {
  // acr "1" is what Keycloak puts in tokens after a password login.
  return { login: { accountId, acr: '1', amr: ['pwd'], remember: true } };
}

/** Fallback for a consent prompt (only clients with consentRequired reach it): grant what is asked. */
async function finishConsent(
  op: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: Interaction,
): Promise<void> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id as string;
  const grant = details.grantId
    ? await op.Grant.find(details.grantId)
    : new op.Grant({ accountId, clientId });
  if (!grant) return op.interactionFinished(req, res, { error: 'access_denied' });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope);
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes);
  }
  const grantId = await grant.save();
  return op.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}
