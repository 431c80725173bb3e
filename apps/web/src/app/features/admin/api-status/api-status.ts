import { HttpErrorResponse } from '@angular/common/http';
import { Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoDirective } from '@jsverse/transloco';

import { AdminTabs } from '../admin-tabs';
import { rxResource } from '@angular/core/rxjs-interop';
import { ApiStatusApi } from './api-status-api';

/** Administration › API status: proves the SPA ↔ API path by showing `GET /api/info`. */
@Component({
  selector: 'app-api-status',
  imports: [
    AdminTabs,
    MatButtonModule,
    MatCardModule,
    MatIconModule,
    MatProgressSpinnerModule,
    TranslocoDirective,
  ],
  templateUrl: './api-status.html',
  styleUrl: './api-status.scss',
})
export class ApiStatus {
  /** Typed by the shared contract; a wrong shape is shown as an error, not rendered half-empty. */
  private readonly api = inject(ApiStatusApi);
  protected readonly info = rxResource({ stream: () => this.api.info() });

  /** Translation key of the error: unreachable API and HTTP errors read differently to a user. */
  protected readonly errorKey = computed(() => {
    const error = this.info.error();
    if (!error) return null;
    if (error instanceof HttpErrorResponse) {
      return error.status === 0 ? 'admin.api.errors.unreachable' : 'admin.api.errors.http';
    }
    return 'admin.api.errors.invalid';
  });

  protected readonly errorStatus = computed(() => {
    const error = this.info.error();
    return error instanceof HttpErrorResponse ? error.status : null;
  });
}
