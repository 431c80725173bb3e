import { Signal, inject, signal } from '@angular/core';
import { Observable } from 'rxjs';

import { Notifier } from '../ui/notifier';

/**
 * The actions of a record page (save, send, issue, download…): one request at a time behind a
 * `busy` signal (the page disables its buttons and shows a bar), the answer to the caller, and
 * any error the caller does not handle itself shown by the notifier.
 */
export class BusyRequests {
  private readonly running = signal(false);
  readonly busy: Signal<boolean> = this.running.asReadonly();

  constructor(private readonly report: (error: unknown) => void) {}

  /**
   * Sends `request`; `done` gets the answer. `handled` sees an error first (a stale version, the
   * form's field errors…) and says whether it took care of it; otherwise it is reported.
   */
  run<T>(request: Observable<T>, done: (answer: T) => void, handled?: (error: unknown) => boolean): void {
    this.running.set(true);
    request.subscribe({
      next: (answer) => {
        this.running.set(false);
        done(answer);
      },
      error: (error: unknown) => {
        this.running.set(false);
        if (!handled?.(error)) this.report(error);
      },
    });
  }
}

/** BusyRequests reporting through the notifier; call it in an injection context (a field initializer). */
export function busyRequests(): BusyRequests {
  const notifier = inject(Notifier);
  return new BusyRequests((error) => notifier.problem(error));
}
