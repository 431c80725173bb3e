import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A section the signed-in user's roles do not open (permission guard). Shown without changing the
 * address bar, so the user can tell an administrator which page they needed.
 */
@Component({
  selector: 'app-forbidden',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="placeholder" data-testid="forbidden" aria-labelledby="forbidden-title" *transloco="let t">
      <mat-icon class="placeholder-icon" svgIcon="block" aria-hidden="true" />
      <h1 id="forbidden-title" class="page-title">{{ t('forbidden.title') }}</h1>
      <p class="page-intro">{{ t('forbidden.message') }}</p>
      <a mat-flat-button routerLink="/">
        <mat-icon svgIcon="home" aria-hidden="true" />
        {{ t('common.backHome') }}
      </a>
    </section>
  `,
})
export class Forbidden {}
