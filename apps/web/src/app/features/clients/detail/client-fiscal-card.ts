import { Component, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Client, ClientAddress } from '@velosi/contracts';

import { LanguageService } from '../../../core/i18n/language.service';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';

/** The client page's fiscal, finance/bank and addresses card (read only). */
@Component({
  selector: 'app-client-fiscal-card',
  imports: [LocalDatePipe, TranslocoDirective],
  template: `
    @let c = client();
    <div class="card" data-testid="client-fiscal" *transloco="let t; prefix: 'clients'">
      <h2>{{ t('sections.fiscal') }}</h2>
      <dl class="fields">
        <dt>{{ t('fields.legalName') }}</dt>
        <dd>{{ c.legalName || '—' }}</dd>
        <dt>{{ t('fields.fiscalId') }}</dt>
        <dd data-testid="client-fiscal-id-value">{{ c.fiscalId || '—' }}</dd>
        <dt>{{ t('fields.category') }}</dt>
        <dd>{{ c.category ? t('category.' + c.category) : '—' }}</dd>
        <dt>{{ t('fields.clientType') }}</dt>
        <dd>{{ c.clientType ? t('clientType.' + c.clientType) : '—' }}</dd>
        <dt>{{ t('fields.customsCode') }}</dt>
        <dd>{{ c.customsCode || '—' }}</dd>
        <dt>{{ t('fields.vatRegime') }}</dt>
        <dd data-testid="client-vat-regime-value">
          {{ t('vatRegime.' + c.vatRegime) }}
          @if (c.vatRegime === 'suspended') {
            —
            {{
              t('detail.suspension', {
                number: c.vatSuspensionNumber,
                from: c.vatSuspensionIssuedOn | localDate: lang(),
                to: c.vatSuspensionExpiresOn | localDate: lang(),
              })
            }}
          }
        </dd>
        <dt>{{ t('fields.stampDutyExempt') }}</dt>
        <dd>{{ c.stampDutyExempt ? t('detail.yes') : t('detail.no') }}</dd>
        <dt>{{ t('fields.industry') }}</dt>
        <dd>{{ c.industry || '—' }}</dd>
        <dt>{{ t('fields.phone') }}</dt>
        <dd>{{ c.phone || '—' }}</dd>
        <dt>{{ t('fields.email') }}</dt>
        <dd>{{ c.email || '—' }}</dd>
        <dt>{{ t('fields.website') }}</dt>
        <dd>{{ c.website || '—' }}</dd>
      </dl>

      <h2>{{ t('sections.finance') }}</h2>
      <dl class="fields">
        <dt>{{ t('fields.paymentTermsDays') }}</dt>
        <dd>
          @if (c.paymentTermsDays !== null && c.paymentTermsDays !== undefined) {
            {{
              t(c.paymentTermsEndOfMonth ? 'detail.termsEndOfMonth' : 'detail.terms', {
                n: c.paymentTermsDays,
              })
            }}
          } @else {
            —
          }
        </dd>
        <dt>{{ t('fields.creditLimit') }}</dt>
        <dd>{{ c.creditLimit ? c.creditLimit + ' ' + c.currency : '—' }}</dd>
        <dt>{{ t('fields.blocked') }}</dt>
        <dd [class.blocked]="c.blocked" data-testid="client-blocked-value">
          {{
            c.blocked ? t('detail.yes') + (c.blockedReason ? ' — ' + c.blockedReason : '') : t('detail.no')
          }}
        </dd>
        <dt>{{ t('fields.bankName') }}</dt>
        <dd>{{ c.bankName || '—' }}</dd>
        <dt>{{ t('fields.bankAccount') }}</dt>
        <dd data-testid="client-bank-account-value">{{ c.bankAccount || '—' }}</dd>
        <dt>{{ t('fields.swift') }}</dt>
        <dd>{{ c.swift || '—' }}</dd>
        <dt>{{ t('fields.accountingAccount') }}</dt>
        <dd>{{ c.accountingAccount || '—' }}</dd>
      </dl>

      @if (c.addresses.length) {
        <h2>{{ t('sections.addresses') }}</h2>
        <ul class="addresses">
          @for (a of c.addresses; track $index) {
            <li>
              <strong>{{ t('addressKind.' + a.kind) }}{{ a.label ? ' · ' + a.label : '' }}</strong>
              <span>{{ a.street }}</span>
              <span>{{ placeLine(a) }}</span>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styleUrl: '../../../shared/sales/detail-page.scss',
  styles: `
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
      &:first-child {
        margin-top: 0;
      }
    }
    .blocked {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .addresses {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
      li {
        display: grid;
        overflow-wrap: anywhere;
      }
    }
  `,
})
export class ClientFiscalCard {
  readonly client = input.required<Client>();
  protected readonly lang = inject(LanguageService).active;

  protected placeLine(a: ClientAddress): string {
    return [a.postalCode, a.city, a.country].filter(Boolean).join(' ');
  }
}
