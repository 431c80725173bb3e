import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import { SessionStore } from '../../core/auth/session.store';

/**
 * The customer of a record (quote, opportunity) by name, as a link to the client or, before the
 * conversion, the prospect: `<app-customer-link [clientId]="q.clientId" [leadId]="q.leadId"
 * [name]="q.customerName" />`. Plain text for a user who may not open it (no link that 403s).
 */
@Component({
  selector: 'app-customer-link',
  imports: [RouterLink],
  template: `
    @if (route(); as r) {
      <a [routerLink]="r" data-testid="customer-link" (click)="$event.stopPropagation()">{{ name() }}</a>
    } @else {
      {{ name() }}
    }
  `,
})
export class CustomerLink {
  readonly clientId = input<string | null | undefined>(null);
  readonly leadId = input<string | null | undefined>(null);
  readonly name = input<string | null | undefined>('');

  private readonly session = inject(SessionStore);

  protected readonly route = computed(() => {
    const clientId = this.clientId();
    if (clientId) return this.session.can('clients:read') ? ['/clients', clientId] : null;
    const leadId = this.leadId();
    return leadId && this.session.can('leads:read') ? ['/leads', leadId] : null;
  });
}
