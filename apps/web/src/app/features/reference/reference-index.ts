import { Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

import { PageHeader } from '../../shared/ui/page-header/page-header';
import { registerIconSet } from '../../shared/ui/sales-icons';
import { REFERENCE_ICONS } from './reference-icons';
import { REFERENCE_VIEWS } from './reference-objects';

/** Référentiels: one card per reference object, each opening its list. */
@Component({
  selector: 'app-reference-index',
  imports: [MatIconModule, PageHeader, RouterLink, TranslocoDirective],
  template: `
    <section aria-labelledby="reference-title" *transloco="let t">
      <app-page-header
        headingId="reference-title"
        [heading]="t('nav.reference')"
        [intro]="t('reference.intro')"
      />
      <ul class="cards">
        @for (view of views; track view.path) {
          <li>
            <a
              class="card"
              [routerLink]="['/reference', view.path]"
              [attr.data-testid]="'reference-card-' + view.path"
            >
              <mat-icon [svgIcon]="view.icon" aria-hidden="true" />
              <span class="title">{{ t('reference.' + view.path + '.title') }}</span>
              <span class="intro">{{ t('reference.' + view.path + '.intro') }}</span>
            </a>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .cards {
      list-style: none;
      padding: 0;
      margin: 24px 0 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 16px;
    }
    .card {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 4px 12px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
      color: inherit;
      text-decoration: none;
      height: 100%;
      box-sizing: border-box;
    }
    .card:hover,
    .card:focus-visible {
      background: var(--mat-sys-surface-container-high);
    }
    .title {
      font-weight: 600;
    }
    .intro {
      grid-column: 2;
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875rem;
    }
  `,
})
export class ReferenceIndex {
  protected readonly views = REFERENCE_VIEWS;

  constructor() {
    registerIconSet(REFERENCE_ICONS);
  }
}
