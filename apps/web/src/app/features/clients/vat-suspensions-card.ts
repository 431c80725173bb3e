import { Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { rxResource } from '@angular/core/rxjs-interop';
import { ClientsApi } from './clients-api';

/**
 * "VAT suspensions expiring" on the clients page, for FINANCE and ADMIN (`clients:finance`): the
 * authorisations to renew with the client within 30 days, expired ones first.
 */
@Component({
  selector: 'app-vat-suspensions-card',
  imports: [LocalDatePipe, RouterLink, TranslocoDirective],
  template: `
    <section
      class="card"
      aria-labelledby="vat-expiring-title"
      data-testid="vat-suspensions-expiring"
      *transloco="let t; prefix: 'clients.expiring'"
    >
      <h2 id="vat-expiring-title">{{ t('title') }}</h2>
      @if (list.isLoading()) {
        <p class="state" role="status">{{ t('loading') }}</p>
      } @else if (list.error()) {
        <p class="state error" role="alert">{{ t('error') }}</p>
      } @else if (list.value()?.items?.length) {
        <ul>
          @for (s of list.value()?.items; track s.clientId) {
            <li [attr.data-testid]="'vat-expiring-' + s.clientId">
              <a [routerLink]="['/clients', s.clientId]">{{ s.name }}</a>
              <span class="number">{{ s.vatSuspensionNumber }}</span>
              <span [class.late]="s.daysLeft < 0">
                {{ s.vatSuspensionExpiresOn | localDate: lang() }} ·
                {{ s.daysLeft < 0 ? t('expired', { n: -s.daysLeft }) : t('daysLeft', { n: s.daysLeft }) }}
              </span>
            </li>
          }
        </ul>
      } @else {
        <p class="state">{{ t('empty') }}</p>
      }
    </section>
  `,
  styles: `
    .card {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      padding: 12px 16px;
      margin-bottom: 16px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      overflow-wrap: anywhere;
    }
    a {
      font-weight: 500;
    }
    .number {
      color: var(--mat-sys-on-surface-variant);
    }
    .late,
    .error {
      color: var(--mat-sys-error);
    }
    .state {
      margin: 0;
    }
  `,
})
export class VatSuspensionsCard {
  protected readonly lang = inject(LanguageService).active;
  private readonly api = inject(ClientsApi);
  protected readonly list = rxResource({ stream: () => this.api.expiringVatSuspensions() });
}
