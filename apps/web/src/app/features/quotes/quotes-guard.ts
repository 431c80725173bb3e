import { inject } from '@angular/core';
import { CanMatchFn } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';
import { SessionStore } from '../../core/auth/session.store';

/**
 * The quotes section opens with `quotes:read` (commercials, finance, admin) or
 * `quotes:read-accepted` (operations: the API then lists accepted quotes only, read-only).
 * Anyone else gets the usual forbidden redirect of `permissionGuard`.
 */
export const quotesGuard: CanMatchFn = (route, segments, snapshot) => {
  const session = inject(SessionStore);
  if (session.can('quotes:read-accepted') && !session.can('quotes:read')) return true;
  return permissionGuard('quotes:read')(route, segments, snapshot);
};
