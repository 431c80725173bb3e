import { Injectable, computed, inject, signal } from '@angular/core';
import type { MeResponse, Permission } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from '../api/auth-api';

/**
 * Who is signed in and what they may do, from `GET /api/auth/me` fetched once per login. The API
 * derives the permissions from the token's realm roles with the contracts' map — the same one its
 * guard uses — so the SPA never recomputes them (and does not ship the zod-based roles module).
 * Hiding a menu is a convenience: the API still refuses what the user may not do.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly current = signal<MeResponse | null>(null);

  readonly me = this.current.asReadonly();
  readonly permissions = computed(() => new Set<Permission>(this.current()?.permissions ?? []));
  readonly displayName = computed(() => {
    const me = this.current();
    if (!me) return '';
    const fullName = me.name ?? [me.givenName, me.familyName].filter(Boolean).join(' ');
    return fullName || me.username;
  });

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }

  async load(): Promise<MeResponse> {
    const me = parseMe(await firstValueFrom(this.api.me()));
    this.current.set(me);
    return me;
  }

  clear(): void {
    this.current.set(null);
  }
}

/** Shape check of the fields the SPA relies on (the API validates its output with MeResponseSchema). */
function parseMe(raw: unknown): MeResponse {
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const isStringArray = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (
    typeof body['sub'] !== 'string' ||
    typeof body['username'] !== 'string' ||
    !isStringArray(body['roles']) ||
    !isStringArray(body['permissions'])
  ) {
    throw new TypeError('Unexpected /api/auth/me body');
  }
  return body as unknown as MeResponse;
}
