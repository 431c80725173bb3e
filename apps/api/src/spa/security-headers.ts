import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Response headers for every answer (helmet): the SPA's Content-Security-Policy plus the usual
 * nosniff / frame / referrer / opener headers. The policy is built from the browser-facing issuer,
 * the one other origin the SPA talks to. Routes with their own page (the API docs) set their own CSP.
 */
export function securityHeaders(browserIssuerUrl: string): HelmetOptions {
  const idp = new URL(browserIssuerUrl).origin;
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // No inline script: the build does not inline critical CSS (that needs an inline loader).
        scriptSrc: ["'self'"],
        // Angular inserts component styles as <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // OIDC discovery, token and JWKS calls go from the browser to the identity provider.
        connectSrc: ["'self'", idp],
        // The PDF preview is an object URL in an iframe; a blob document inherits this policy.
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", idp],
      },
    },
    // A public quote link carries its token in the URL: it must never travel on as a Referer.
    referrerPolicy: { policy: 'no-referrer' },
    // The SPA embeds nothing cross-origin; the blob PDF preview must stay loadable.
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The headers helmet writes for `options`, computed once. They do not depend on the request (no
 * CSP nonces), and running helmet per request re-parsed the whole policy every time (about a
 * tenth of the CPU of a cheap request, bench/RESULTS.md); app.ts sets this map in its onRequest hook.
 */
export function staticSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const capture = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, capture as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return headers;
}
