import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Unknown route inside the shell: say so plainly and offer the way home. */
@Component({
  selector: 'app-not-found',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="placeholder" data-testid="not-found" aria-labelledby="not-found-title" *transloco="let t">
      <mat-icon class="placeholder-icon" svgIcon="search_off" aria-hidden="true" />
      <h1 id="not-found-title" class="page-title">{{ t('notFound.title') }}</h1>
      <p class="page-intro">{{ t('notFound.message') }}</p>
      <a mat-flat-button routerLink="/">
        <mat-icon svgIcon="home" aria-hidden="true" />
        {{ t('common.backHome') }}
      </a>
    </section>
  `,
})
export class NotFound {}
