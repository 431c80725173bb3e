import { Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

import { AuthService } from '../../core/auth/auth.service';
import { safeReturnUrl } from '../../core/auth/return-url';

type Reason = 'expired' | 'signed-out' | 'unavailable';

/**
 * `/session-expired?returnUrl=…[&reason=signed-out|unavailable]`, public. Reached when a refresh
 * fails (user disabled, sessions ended by an administrator, idle too long), when the user signed
 * out in another tab, or when the API cannot say who the user is. The button logs in again and
 * comes back to `returnUrl`.
 */
@Component({
  selector: 'app-session-expired',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  template: `
    <section
      class="placeholder"
      data-testid="session-expired"
      [attr.data-reason]="kind()"
      aria-labelledby="session-expired-title"
      *transloco="let t"
    >
      <mat-icon
        class="placeholder-icon"
        [svgIcon]="kind() === 'unavailable' ? 'error' : 'lock'"
        aria-hidden="true"
      />
      <h1 id="session-expired-title" class="page-title">{{ t(key('title')) }}</h1>
      <p class="page-intro">{{ t(key('message')) }}</p>
      <button
        mat-flat-button
        type="button"
        data-testid="session-expired-login"
        [disabled]="busy()"
        (click)="continue()"
      >
        <mat-icon [svgIcon]="kind() === 'unavailable' ? 'refresh' : 'login'" aria-hidden="true" />
        {{ t(key('action')) }}
      </button>
    </section>
  `,
})
export class SessionExpired {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** Query parameters. */
  readonly reason = input<string>();
  readonly returnUrl = input<string>();

  protected readonly kind = computed<Reason>(() => {
    const reason = this.reason();
    return reason === 'signed-out' || reason === 'unavailable' ? reason : 'expired';
  });
  protected readonly busy = signal(false);

  protected key(part: 'title' | 'message' | 'action'): string {
    return `auth.sessionEnded.${this.kind()}.${part}`;
  }

  protected continue(): void {
    const target = safeReturnUrl(this.returnUrl());
    if (this.kind() === 'unavailable') {
      void this.router.navigateByUrl(target);
      return;
    }
    this.busy.set(true);
    this.auth.login(target).catch((error: unknown) => {
      console.error(error);
      this.busy.set(false);
      void this.router.navigate(['/auth/login'], { queryParams: { returnUrl: target } });
    });
  }
}
