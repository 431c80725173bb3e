/** sessionStorage key of the page to come back to after the login round trip (not a secret). */
const RETURN_URL_KEY = 'velosi.auth.return-url';

/** Pages that must not be returned to after a login (they would loop or make no sense). */
const NO_RETURN_PREFIXES = ['/auth/', '/session-expired'];

/**
 * Keeps only an in-app path: `returnUrl` comes from the address bar, and an absolute or
 * protocol-relative URL (`//evil.example`) would turn the login into an open redirect.
 */
export function safeReturnUrl(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/';
  }
  return NO_RETURN_PREFIXES.some((prefix) => candidate.startsWith(prefix)) ? '/' : candidate;
}

export function rememberReturnUrl(url: string): void {
  try {
    sessionStorage.setItem(RETURN_URL_KEY, safeReturnUrl(url));
  } catch {
    // Storage disabled: the user lands on the home page after login.
  }
}

/** The remembered page (once: it is forgotten as it is read). */
export function takeReturnUrl(): string {
  try {
    const url = sessionStorage.getItem(RETURN_URL_KEY);
    sessionStorage.removeItem(RETURN_URL_KEY);
    return safeReturnUrl(url);
  } catch {
    return '/';
  }
}
