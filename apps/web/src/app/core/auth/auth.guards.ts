import { inject } from '@angular/core';
import { CanMatchFn, RedirectCommand, Route, Router, UrlSegment } from '@angular/router';
import type { Permission } from '@velosi/contracts';

import { AuthService } from './auth.service';
import { SessionStore } from './session.store';

/**
 * Guards of the application shell. They are `canMatch` guards: a route the user may not open is
 * not matched at all, so its lazy chunk is not even downloaded. Redirects keep the requested address
 * in the address bar (`browserUrl`): on the "forbidden" page the URL still says where the user
 * wanted to go, and Back from the identity provider's login page returns there.
 */

/**
 * Everything under the shell needs a session. Without one: the login (which comes back here) —
 * except for an address that matches no page, which gets the public 404 rather than a login.
 */
export const authenticatedGuard: CanMatchFn = async (route, segments) => {
  const auth = inject(AuthService);
  const router = inject(Router);
  const status = await auth.ensureSession();
  if (status === 'authenticated') return true;
  const target = targetUrl(router, segments);
  if (status === 'unavailable') {
    return new RedirectCommand(
      router.createUrlTree(['/session-expired'], {
        queryParams: { reason: 'unavailable', returnUrl: target },
      }),
      { skipLocationChange: true },
    );
  }
  if (!isShellPath(route, segments)) return false;
  return new RedirectCommand(router.createUrlTree(['/auth/login'], { queryParams: { returnUrl: target } }), {
    skipLocationChange: true,
  });
};

/** A section of the shell: matches when the session holds `permission` (the API guard's string). */
export function permissionGuard(permission: Permission): CanMatchFn {
  return async (_route, segments) => {
    // inject() only works before the first await (injection context).
    const router = inject(Router);
    const auth = inject(AuthService);
    const session = inject(SessionStore);
    // Normally already settled by authenticatedGuard on the shell (the promise is cached).
    if ((await auth.ensureSession()) !== 'authenticated') return false;
    if (session.can(permission)) return true;
    return new RedirectCommand(router.createUrlTree(['/forbidden']), {
      browserUrl: targetUrl(router, segments),
    });
  };
}

/** Whether the first segment names one of the shell's pages (its wildcard 404 excluded). */
function isShellPath(route: Route, segments: UrlSegment[]): boolean {
  const first = segments[0]?.path;
  if (first === undefined) return true;
  return (route.children ?? []).some((child) => child.path !== '**' && child.path?.split('/')[0] === first);
}

/** The full URL being navigated to (segments alone would lose the query string). */
function targetUrl(router: Router, segments: UrlSegment[]): string {
  const navigation = router.currentNavigation();
  if (navigation) return router.serializeUrl(navigation.extractedUrl);
  return '/' + segments.map((segment) => segment.path).join('/');
}
