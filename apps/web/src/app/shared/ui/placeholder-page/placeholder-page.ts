import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A page shown in place of the one asked for (no such route, not allowed): an icon, what happened
 * (`<texts>.title`, `<texts>.message`) and the way home. `testId` also names the heading for the
 * section's `aria-labelledby`.
 */
@Component({
  selector: 'app-placeholder-page',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  template: `
    <section
      class="placeholder"
      [attr.data-testid]="testId()"
      [attr.aria-labelledby]="testId() + '-title'"
      *transloco="let t"
    >
      <mat-icon class="placeholder-icon" [svgIcon]="icon()" aria-hidden="true" />
      <h1 [id]="testId() + '-title'" class="page-title">{{ t(texts() + '.title') }}</h1>
      <p class="page-intro">{{ t(texts() + '.message') }}</p>
      <a mat-flat-button routerLink="/">
        <mat-icon svgIcon="home" aria-hidden="true" />
        {{ t('common.backHome') }}
      </a>
    </section>
  `,
})
export class PlaceholderPage {
  readonly testId = input.required<string>();
  readonly icon = input.required<string>();
  /** Prefix of the translation keys. */
  readonly texts = input.required<string>();
}
