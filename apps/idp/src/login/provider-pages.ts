import type { KoaContextWithOIDC } from 'oidc-provider';
import type { Realm } from '../realm/load.js';
import { errorPage, escapeHtml, layout } from './html.js';
import { messages, pickLocale, type Locale } from './messages.js';

/** Pages oidc-provider renders itself (errors, RP-initiated logout), in the realm's languages. */
export const LOCALE_COOKIE = 'KEYCLOAK_LOCALE';

function localeOf(ctx: KoaContextWithOIDC, realm: Realm): Locale {
  const params = ctx.oidc?.params as { ui_locales?: string } | undefined;
  return pickLocale(
    [ctx.cookies.get(LOCALE_COOKIE), params?.ui_locales, ctx.get('accept-language')],
    realm.locales.supported,
    realm.locales.default,
  );
}

export function providerPages(realm: Realm) {
  return {
    async renderError(
      ctx: KoaContextWithOIDC,
      out: { error: string; error_description?: string },
    ): Promise<void> {
      ctx.type = 'html';
      const description = out.error_description ? `${out.error}: ${out.error_description}` : out.error;
      ctx.body = errorPage(localeOf(ctx, realm), realm.displayName, description);
    },

    /**
     * Keycloak asks for confirmation only when the client sent no id_token_hint; with a hint the
     * confirmation form submits itself (a no-script user still gets the button).
     */
    async logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
      const locale = localeOf(ctx, realm);
      const t = messages(locale);
      const params = ctx.oidc.params as { id_token_hint?: string } | undefined;
      const auto = params?.id_token_hint
        ? '<script>document.getElementById("kc-logout").click()</script>'
        : '';
      ctx.type = 'html';
      ctx.body = layout({
        locale,
        realmName: realm.displayName,
        title: t.logoutConfirmTitle,
        body: `<p id="kc-logout-question">${escapeHtml(t.logoutConfirmHeader)}</p>${form}
<button id="kc-logout" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${escapeHtml(t.doLogout)}</button>${auto}`,
      });
    },

    async postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
      const locale = localeOf(ctx, realm);
      ctx.type = 'html';
      ctx.body = layout({
        locale,
        realmName: realm.displayName,
        title: messages(locale).logoutConfirmTitle,
        body: `<p id="kc-logout-success" role="status">${escapeHtml(messages(locale).successLogout)}</p>`,
      });
    },
  };
}
