import { Component, OnInit, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';

import { AuthService } from '../../core/auth/auth.service';

/**
 * `/auth/login?returnUrl=…` (shown by the guards without changing the address bar): sends the
 * browser to the identity provider's login page, or says why it cannot.
 */
@Component({
  selector: 'app-sign-in',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoDirective],
  template: `
    <section class="placeholder" aria-labelledby="sign-in-title" *transloco="let t">
      @if (failed()) {
        <mat-icon class="placeholder-icon" svgIcon="error" aria-hidden="true" />
        <h1 id="sign-in-title" class="page-title">{{ t('auth.signIn.failedTitle') }}</h1>
        <p class="page-intro" role="alert">{{ t('auth.signIn.failedMessage') }}</p>
        <button mat-flat-button type="button" (click)="start()">
          <mat-icon svgIcon="refresh" aria-hidden="true" />
          {{ t('common.retry') }}
        </button>
      } @else {
        <h1 id="sign-in-title" class="page-title">{{ t('auth.signIn.title') }}</h1>
        <div class="auth-progress" role="status">
          <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
          <span>{{ t('auth.signIn.redirecting') }}</span>
        </div>
      }
    </section>
  `,
})
export class SignIn implements OnInit {
  private readonly auth = inject(AuthService);
  /** Query parameter: the page to come back to (checked by safeReturnUrl before use). */
  readonly returnUrl = input<string>();
  protected readonly failed = signal(false);

  ngOnInit(): void {
    this.start();
  }

  protected start(): void {
    this.failed.set(false);
    this.auth.login(this.returnUrl() ?? '/').catch((error: unknown) => {
      console.error(error);
      this.failed.set(true);
    });
  }
}
