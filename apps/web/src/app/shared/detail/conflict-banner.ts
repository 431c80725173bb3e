import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The message that someone changed the record since the page read it (a 409 on a save or an
 * action), and the button that reads it again. It takes the page's own banner classes, which style
 * it: `<app-conflict-banner class="banner error" data-testid="job-conflict" (reload)="reload()" />`.
 */
@Component({
  selector: 'app-conflict-banner',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  host: { role: 'alert' },
  template: `
    <ng-container *transloco="let t">
      <mat-icon svgIcon="error" aria-hidden="true" />
      <span>{{ t(messageKey()) }}</span>
      <button mat-stroked-button type="button" (click)="reload.emit()">{{ t(reloadKey()) }}</button>
    </ng-container>
  `,
})
export class ConflictBanner {
  /** The quote pages have their own wording. */
  readonly messageKey = input('sales.conflict.message');
  readonly reloadKey = input('sales.conflict.reload');
  readonly reload = output();
}
