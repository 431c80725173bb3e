import { Component, inject } from '@angular/core';
import { MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoDirective } from '@jsverse/transloco';

import { LanguageService } from '../../core/i18n/language.service';
import { isAppLang } from '../../core/i18n/languages';

/** FR | EN toggle of the top bar; switching re-renders in place (no reload). */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonToggleModule, TranslocoDirective],
  template: `
    <mat-button-toggle-group
      *transloco="let t"
      class="language-switch"
      data-testid="lang-switch"
      hideSingleSelectionIndicator
      [value]="language.active()"
      [attr.aria-label]="t('language.label')"
      (change)="select($event)"
    >
      @for (lang of language.languages; track lang) {
        <mat-button-toggle [value]="lang" [attr.lang]="lang" [aria-label]="t('language.' + lang)">
          {{ lang.toUpperCase() }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styleUrl: './language-switch.scss',
})
export class LanguageSwitch {
  protected readonly language = inject(LanguageService);

  protected select(event: MatButtonToggleChange): void {
    if (isAppLang(event.value)) this.language.use(event.value);
  }
}
