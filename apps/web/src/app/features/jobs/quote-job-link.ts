import { Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Quote } from '@velosi/contracts';
import { of } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { busyRequests } from '../../shared/detail/busy-requests';
import { Notifier } from '../../shared/ui/notifier';
import { JobsApi } from './jobs-api';

/**
 * On an accepted quote's page: the link to its job file, and for operations "Open job file"
 * (`POST /api/quotes/:id/job`, idempotent: the job the acceptance created, or a new one), which
 * then shows the job. The quote read names no job: it is found by the quote's number.
 */
@Component({
  selector: 'app-quote-job-link',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('jobs')],
  template: `
    @if (shown()) {
      <ng-container *transloco="let t">
        @if (job.value(); as j) {
          <a mat-stroked-button [routerLink]="['/jobs', j.id]" data-testid="quote-job-link">
            <mat-icon svgIcon="folder_open" aria-hidden="true" />
            {{ t('jobs.fromQuote.view', { number: j.number }) }}
          </a>
        } @else if (canWrite()) {
          <button
            mat-flat-button
            type="button"
            data-testid="quote-open-job"
            [disabled]="busy()"
            (click)="open()"
          >
            <mat-icon svgIcon="folder_open" aria-hidden="true" />
            {{ t('jobs.fromQuote.open') }}
          </button>
        }
      </ng-container>
    }
  `,
})
export class QuoteJobLink {
  readonly quote = input.required<Quote>();

  private readonly api = inject(JobsApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;
  protected readonly canWrite = computed(() => this.session.can('jobs:write'));
  protected readonly shown = computed(
    () => this.quote().status === 'accepted' && this.session.can('jobs:read'),
  );

  protected readonly job = rxResource({
    params: () => {
      const { id, number, clientId } = this.quote();
      return this.shown() ? { id, number, clientId } : undefined;
    },
    stream: ({ params }) => (params ? this.api.findByQuote(params) : of(null)),
  });

  protected open(): void {
    this.requests.run(this.api.openFromQuote(this.quote().id), (job) => {
      this.notifier.success('jobs.fromQuote.opened', { number: job.number });
      void this.router.navigate(['/jobs', job.id]);
    });
  }
}
