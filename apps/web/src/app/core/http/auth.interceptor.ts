import { HttpErrorResponse, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { TokenRefreshCoordinator } from '../auth/token-refresh.coordinator';
import { APP_CONFIG } from '../config/app-config';

/**
 * Adds `Authorization: Bearer <access token>` to calls to OUR API only — never to the identity
 * provider (the OIDC library talks to it through the same HttpClient), other origins or static
 * files: a token sent elsewhere could be replayed against the API.
 *
 * A 401 from the API gets one refresh and one retry (the token may have expired in flight or been
 * rotated by another tab); a second 401, or a failed refresh, ends the session ("session expired").
 * Registered after apiUrlInterceptor, so it sees the final URL.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const { apiUrl } = inject(APP_CONFIG);
  if (!isApiRequest(request.url, apiUrl)) return next(request);
  const tokens = inject(TokenRefreshCoordinator);
  const auth = inject(AuthService);

  return from(tokens.validAccessToken()).pipe(
    switchMap((token) =>
      send(request, next, token).pipe(
        catchError((error: unknown) => {
          // Without a token the 401 is the answer itself (a public page calling a protected route).
          if (!token || !isUnauthorized(error)) return throwError(() => error);
          return from(tokens.refresh(token)).pipe(
            switchMap((refreshed) => {
              const fresh = tokens.currentAccessToken();
              // A failed refresh has already ended the session (TokenRefreshCoordinator).
              if (!refreshed || !fresh) return throwError(() => error);
              return send(request, next, fresh);
            }),
            catchError((retryError: unknown) => {
              if (isUnauthorized(retryError)) auth.sessionRejected();
              return throwError(() => retryError);
            }),
          );
        }),
      ),
    ),
  );
};

function send(request: HttpRequest<unknown>, next: HttpHandlerFn, token: string | null) {
  return next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request);
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}

/**
 * True for `<apiUrl>/api/…`, or `/api/…` on this origin when `apiUrl` is "" (same origin). URLs are
 * resolved first, so `//other.example/api/x` or `https://other.example/api/x` never match.
 */
export function isApiRequest(url: string, apiUrl: string, base: string = document.baseURI): boolean {
  try {
    const target = new URL(url, base);
    const api = new URL(apiUrl || '/', base);
    const apiPath = api.pathname.replace(/\/+$/, '') + '/api/';
    return target.origin === api.origin && target.pathname.startsWith(apiPath);
  } catch {
    return false;
  }
}
