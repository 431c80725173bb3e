import { Component, Injector, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { SearchDialog } from './search-dialog';

/**
 * Top-bar search: a field-like button (an icon on narrow screens) and the Ctrl+K / ⌘K shortcut,
 * both opening the search dialog.
 */
@Component({
  selector: 'app-global-search',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  providers: [provideTranslocoScope('search')],
  host: { '(document:keydown)': 'onDocumentKeydown($event)' },
  template: `
    <ng-container *transloco="let t">
      <button
        type="button"
        class="search-trigger"
        data-testid="global-search"
        aria-haspopup="dialog"
        [attr.aria-label]="t('search.open') + ' (' + shortcut() + ')'"
        (click)="open()"
      >
        <mat-icon svgIcon="search" aria-hidden="true" />
        <span class="label">{{ t('search.open') }}</span>
        <kbd class="shortcut">{{ shortcut() }}</kbd>
      </button>
    </ng-container>
  `,
  styles: `
    .search-trigger {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-width: 40px;
      height: 40px;
      padding: 0 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 20px;
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
      cursor: pointer;
    }

    .search-trigger:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }

    .label {
      min-width: 120px;
      text-align: left;
    }

    .shortcut {
      font-family: inherit;
      font-size: 0.75rem;
      padding: 1px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }

    @media (max-width: 719.98px) {
      .search-trigger {
        padding: 0 8px;
        border-radius: 50%;
        width: 40px;
        justify-content: center;
      }

      .label,
      .shortcut {
        display: none;
      }
    }
  `,
})
export class GlobalSearch {
  private readonly dialog = inject(MatDialog);
  // The dialog is created under this component's injector so it sees the `search` i18n scope.
  private readonly injector = inject(Injector);
  private readonly isMac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

  protected readonly shortcut = computed(() => (this.isMac ? '⌘K' : 'Ctrl K'));

  protected onDocumentKeydown(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      this.open();
    }
  }

  protected open(): void {
    if (this.dialog.getDialogById('global-search')) return;
    this.dialog.open(SearchDialog, {
      id: 'global-search',
      width: '640px',
      maxWidth: 'calc(100vw - 16px)',
      position: { top: '10vh' },
      autoFocus: 'first-tabbable',
      restoreFocus: true,
      injector: this.injector,
    });
  }
}
