import { Component, OnInit, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

import { AuthService } from '../../core/auth/auth.service';

/**
 * `/auth/callback`, where the identity provider sends the browser back with `code` and `state`:
 * the code is exchanged (PKCE) and the user returns to the page they asked for. `replaceUrl`, so
 * Back does not land on a spent callback URL.
 */
@Component({
  selector: 'app-auth-callback',
  imports: [MatButtonModule, MatIconModule, MatProgressSpinnerModule, TranslocoDirective],
  template: `
    <section class="placeholder" aria-labelledby="callback-title" *transloco="let t">
      @if (failed()) {
        <mat-icon class="placeholder-icon" svgIcon="error" aria-hidden="true" />
        <h1 id="callback-title" class="page-title">{{ t('auth.callback.failedTitle') }}</h1>
        <p class="page-intro" role="alert">{{ t('auth.callback.failedMessage') }}</p>
        <button mat-flat-button type="button" data-testid="login-retry" (click)="retry()">
          <mat-icon svgIcon="login" aria-hidden="true" />
          {{ t('auth.signInAgain') }}
        </button>
      } @else {
        <h1 id="callback-title" class="page-title">{{ t('auth.callback.title') }}</h1>
        <div class="auth-progress" role="status">
          <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
          <span>{{ t('auth.callback.working') }}</span>
        </div>
      }
    </section>
  `,
})
export class AuthCallback implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    this.auth
      .completeLogin()
      .then((returnUrl) => this.router.navigateByUrl(returnUrl, { replaceUrl: true }))
      .catch((error: unknown) => {
        console.error(error);
        this.failed.set(true);
      });
  }

  protected retry(): void {
    void this.router.navigate(['/auth/login'], { queryParams: { returnUrl: '/' }, replaceUrl: true });
  }
}
