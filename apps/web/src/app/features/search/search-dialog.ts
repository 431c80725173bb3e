import { Component, computed, inject, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { SearchHit, SearchResult, SearchType } from '@velosi/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';
import { SearchApi } from './search-api';

/** Same bound as the API's `SearchQuerySchema`. */
const MIN_LENGTH = 2;
const MAX_LENGTH = 100;

interface Row {
  type: SearchType;
  hit: SearchHit;
  index: number;
}

/** Where a hit opens; a contact opens its client. */
function routeOf(type: SearchType, hit: SearchHit): string[] {
  switch (type) {
    case 'contacts':
      return ['/clients', hit.clientId ?? ''];
    default:
      return [`/${type}`, hit.id];
  }
}

/**
 * The Ctrl+K / ⌘K dialog: type, see results grouped by type, ↑/↓ to move, Enter to open. A
 * combobox with a listbox (aria-activedescendant), so screen readers follow the active row.
 */
@Component({
  selector: 'app-search-dialog',
  imports: [MatDialogModule, MatIconModule, MatProgressBarModule, TranslocoDirective],
  templateUrl: './search-dialog.html',
  styleUrl: './search-dialog.scss',
})
export class SearchDialog {
  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly dialogRef = inject(MatDialogRef<SearchDialog>);

  protected readonly maxLength = MAX_LENGTH;
  protected readonly q = signal('');
  protected readonly result = signal<SearchResult | undefined>(undefined);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly active = signal(0);

  protected readonly groups = computed(() => {
    let index = 0;
    return (this.result()?.groups ?? []).map((group) => ({
      type: group.type,
      more: group.more,
      rows: group.items.map((hit): Row => ({ type: group.type, hit, index: index++ })),
    }));
  });
  private readonly rows = computed(() => this.groups().flatMap((group) => group.rows));
  protected readonly searched = computed(() => this.q().trim().length >= MIN_LENGTH);

  constructor() {
    toObservable(this.q)
      .pipe(
        map((q) => q.trim()),
        debounceTime(200),
        distinctUntilChanged(),
        tap(() => this.failed.set(false)),
        switchMap((q) => {
          if (q.length < MIN_LENGTH) return of(undefined);
          this.loading.set(true);
          return this.api.search(q).pipe(
            catchError(() => {
              this.failed.set(true);
              return of(undefined);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        this.result.set(result);
        this.active.set(0);
      });
  }

  protected optionId(index: number): string {
    return `search-option-${index}`;
  }

  protected onKeydown(event: KeyboardEvent): void {
    const count = this.rows().length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      this.active.update((i) => (i + 1) % count);
      this.scrollActive();
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      this.active.update((i) => (i - 1 + count) % count);
      this.scrollActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = this.rows()[this.active()];
      if (row) this.open(row);
    }
  }

  protected open(row: Row): void {
    this.dialogRef.close();
    void this.router.navigate(routeOf(row.type, row.hit));
  }

  private scrollActive(): void {
    queueMicrotask(() =>
      document.getElementById(this.optionId(this.active()))?.scrollIntoView({ block: 'nearest' }),
    );
  }
}
