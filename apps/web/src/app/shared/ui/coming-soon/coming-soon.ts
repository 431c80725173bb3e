import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/** Placeholder of a section whose feature is not built yet (one component for every section). */
@Component({
  selector: 'app-coming-soon',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="placeholder" aria-labelledby="coming-soon-title" *transloco="let t">
      <mat-icon class="placeholder-icon" svgIcon="construction" aria-hidden="true" />
      <h1 id="coming-soon-title" class="page-title">{{ t(titleKey()) }}</h1>
      <p class="page-intro">{{ t('comingSoon.message') }}</p>
      <a mat-stroked-button routerLink="/">{{ t('common.backHome') }}</a>
    </section>
  `,
})
export class ComingSoon {
  /** Translation key of the section name, bound from the route's `data.titleKey`. */
  readonly titleKey = input.required<string>();
}
