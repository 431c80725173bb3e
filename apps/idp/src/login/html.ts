import { format, LANGUAGE_NAMES, messages, type Locale } from './messages.js';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
background:#f0f2f5;color:#151515}main{max-width:26rem;margin:8vh auto;padding:2rem;background:#fff;
border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}header p{margin:0;color:#4f5255;font-size:.9rem}
h1{font-size:1.5rem;margin:.25rem 0 1.5rem}label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{width:100%;padding:.6rem;border:1px solid #8a8d90;border-radius:.25rem;font:inherit}
input[aria-invalid=true]{border-color:#c9190b}button,.button{display:block;width:100%;margin-top:1.5rem;
padding:.7rem;border:0;border-radius:.25rem;background:#0066cc;color:#fff;font:inherit;font-weight:600;cursor:pointer;text-align:center;text-decoration:none}
button:hover{background:#004080}:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.alert{margin:0 0 1rem;padding:.75rem;border-left:4px solid #c9190b;background:#faeae8;color:#7d1007}
.info{margin:0 0 1rem;padding:.75rem;border-left:4px solid #0066cc;background:#e7f1fa}
nav{margin-top:1.5rem;text-align:right;font-size:.9rem}nav a{color:#0066cc}`;

export interface LayoutInput {
  locale: Locale;
  realmName: string;
  title: string;
  body: string;
  /** URL builder for the language switch; absent = no switch (e.g. error pages). */
  localeHref?: (locale: Locale) => string;
  supportedLocales?: readonly string[];
}

export function layout({
  locale,
  realmName,
  title,
  body,
  localeHref,
  supportedLocales = [],
}: LayoutInput): string {
  const t = messages(locale);
  const others = supportedLocales.filter(
    (code): code is Locale => code !== locale && (code === 'fr' || code === 'en'),
  );
  const switcher =
    localeHref && others.length > 0
      ? `<nav aria-label="${escapeHtml(t.languageLabel)}">${others
          .map(
            (code) =>
              `<a id="kc-locale-${code}" href="${escapeHtml(localeHref(code))}" lang="${code}" hreflang="${code}">${LANGUAGE_NAMES[code]}</a>`,
          )
          .join(' ')}</nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(format(t.htmlTitle, realmName))}</title>
<style>${STYLE}</style>
</head>
<body>
<main aria-labelledby="kc-page-title">
<header><p id="kc-header">${escapeHtml(realmName)}</p><h1 id="kc-page-title">${escapeHtml(title)}</h1></header>
${body}
${switcher}
</main>
</body>
</html>`;
}

/**
 * The error sits in #input-error-username (keycloak.v2 theme) and, inside it, #input-error (the
 * older keycloak theme), so one selector list finds it on both IdPs. role=alert makes screen
 * readers announce it, and both inputs point at it with aria-describedby.
 */
function fieldError(message: string | undefined): string {
  return message
    ? `<div id="input-error-username" class="alert" role="alert"><span id="input-error">${escapeHtml(message)}</span></div>`
    : '';
}

export interface LoginPageInput {
  locale: Locale;
  realmName: string;
  action: string;
  username?: string;
  error?: string;
  usernameLabel: 'usernameOrEmail' | 'username';
  localeHref: (locale: Locale) => string;
  supportedLocales: readonly string[];
}

export function loginPage(input: LoginPageInput): string {
  const t = messages(input.locale);
  const invalid = input.error ? ' aria-invalid="true" aria-describedby="input-error"' : '';
  const body = `${fieldError(input.error)}
<form id="kc-form-login" action="${escapeHtml(input.action)}" method="post" novalidate>
<label for="username">${escapeHtml(t[input.usernameLabel])}</label>
<input id="username" name="username" type="text" value="${escapeHtml(input.username ?? '')}" autocomplete="username" autocapitalize="none" spellcheck="false" autofocus${invalid}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password"${invalid}>
<button id="kc-login" name="login" type="submit">${escapeHtml(t.doLogIn)}</button>
</form>`;
  return layout({ ...input, title: t.loginAccountTitle, body });
}

export interface UpdatePasswordPageInput {
  locale: Locale;
  realmName: string;
  action: string;
  error?: string;
  localeHref: (locale: Locale) => string;
  supportedLocales: readonly string[];
}

/** Required action UPDATE_PASSWORD (temporary password set by an administrator). */
export function updatePasswordPage(input: UpdatePasswordPageInput): string {
  const t = messages(input.locale);
  const invalid = input.error ? ' aria-invalid="true" aria-describedby="input-error"' : '';
  const body = `<p class="info" id="kc-info-message">${escapeHtml(t.updatePasswordMessage)}</p>
${input.error ? `<div id="input-error-password" class="alert" role="alert"><span id="input-error">${escapeHtml(input.error)}</span></div>` : ''}
<form id="kc-passwd-update-form" action="${escapeHtml(input.action)}" method="post" novalidate>
<input type="hidden" name="action" value="update-password">
<label for="password-new">${escapeHtml(t.passwordNew)}</label>
<input id="password-new" name="password-new" type="password" autocomplete="new-password" autofocus${invalid}>
<label for="password-confirm">${escapeHtml(t.passwordConfirm)}</label>
<input id="password-confirm" name="password-confirm" type="password" autocomplete="new-password"${invalid}>
<button id="kc-submit" type="submit">${escapeHtml(t.doSubmit)}</button>
</form>`;
  return layout({ ...input, title: t.updatePasswordTitle, body });
}

export function errorPage(locale: Locale, realmName: string, message: string): string {
  const t = messages(locale);
  return layout({
    locale,
    realmName,
    title: t.errorTitle,
    body: `<p id="kc-error-message" class="alert" role="alert">${escapeHtml(message)}</p>`,
  });
}
