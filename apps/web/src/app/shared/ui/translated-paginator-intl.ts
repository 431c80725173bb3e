import { DestroyRef, Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/**
 * Paginator labels in the UI language ("Éléments par page", "1 – 20 sur 57"), updated on a
 * language switch. Provide it in the component that shows a `mat-paginator`.
 */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    // Emits once the language's file is loaded, and again on every switch.
    const subscription = this.transloco
      .selectTranslateObject<Record<string, string>>('paginator')
      .subscribe((labels) => {
        this.itemsPerPageLabel = labels['itemsPerPage'] ?? this.itemsPerPageLabel;
        this.nextPageLabel = labels['next'] ?? this.nextPageLabel;
        this.previousPageLabel = labels['previous'] ?? this.previousPageLabel;
        this.firstPageLabel = labels['first'] ?? this.firstPageLabel;
        this.lastPageLabel = labels['last'] ?? this.lastPageLabel;
        this.changes.next();
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.transloco.translate('paginator.rangeEmpty');
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.transloco.translate('paginator.range', { start, end, length });
  };
}
