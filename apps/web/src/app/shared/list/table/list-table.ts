import {
  ChangeDetectionStrategy,
  Component,
  Directive,
  OnInit,
  Signal,
  ViewEncapsulation,
  computed,
  contentChildren,
  inject,
  input,
} from '@angular/core';
import { MatTable, MatTableModule } from '@angular/material/table';
import { Params, Router } from '@angular/router';

import { ListColumn } from './list-column';
import { ListSort, SortedList } from './list-sort';

/** How a list's rows behave, besides their cells (given by the page as ListColumns). */
export interface ListRows<T> {
  /** The table's data-testid (`leads-table`). */
  readonly testid: string;
  /** A row's data-testid (`lead-row-<id>`). */
  readonly rowTestid: (row: T) => string;
  /**
   * The record page a click anywhere on the row opens; the row's own link (in a cell) stays the
   * keyboard's way in. Without it rows are not clickable.
   */
  readonly link?: (row: T) => readonly unknown[];
  /** The query parameters of that page, if any (e.g. the date the list is at). */
  readonly linkQuery?: (row: T) => Params | null;
  /** A row that stands out: `late` (tinted, e.g. overdue) or `muted` (greyed, e.g. disabled). */
  readonly tone?: (row: T) => 'late' | 'muted' | null;
}

/** The list a table shows: its current rows (null while the card shows a state) and its order. */
export interface TableList<T> extends SortedList {
  readonly rows: Signal<readonly T[] | null>;
}

/**
 * Hands the page's column definitions to the table before its first render: the columns are
 * declared by the page (projected), so the table's own content query does not see them.
 */
@Directive({ selector: 'table[appListColumns]' })
export class ListColumns implements OnInit {
  readonly columns = input.required<readonly ListColumn<unknown>[]>({ alias: 'appListColumns' });
  private readonly table = inject(MatTable);

  ngOnInit(): void {
    for (const column of this.columns()) this.table.addColumnDef(column.def);
  }
}

/**
 * The table of a list page, inside its ListCard:
 *
 *     <app-list-table [list]="list" [rows]="rows" [label]="t('leads.title')">
 *       <app-list-column name="fullName" sort [header]="…">…</app-list-column>
 *     </app-list-table>
 *
 * Shown only while the list has rows. The columns are the projected ListColumns, in their
 * order; their sort headers sort the list (the order lives in the list and the address, see
 * ListSort, which this component carries). On a phone each row is a card, each cell a line with
 * its `data-label` before the value: every list reads without sideways scrolling.
 *
 * No view encapsulation: the rows are this component's, the cells the columns', so the styles are
 * global, each selector starting at `app-list-table`.
 */
@Component({
  selector: 'app-list-table',
  imports: [ListColumns, MatTableModule],
  hostDirectives: [{ directive: ListSort, inputs: ['appListSort: list'] }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    @if (list().rows(); as data) {
      <table
        mat-table
        [appListColumns]="columnList()"
        [dataSource]="data"
        [attr.data-testid]="rows().testid"
        [attr.aria-label]="label()"
      >
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr
          mat-row
          *matRowDef="let row; columns: columns()"
          [class.list-row-link]="clickable()"
          [class.list-row-late]="toneOf(row) === 'late'"
          [class.list-row-muted]="toneOf(row) === 'muted'"
          [attr.data-testid]="rows().rowTestid(row)"
          (click)="open(row)"
        ></tr>
      </table>
    }
  `,
  styles: `
    @use 'phone-cards' as cards;

    app-list-table {
      display: block;

      table {
        width: 100%;
      }

      tr.list-row-link {
        cursor: pointer;

        &:hover {
          background: var(--mat-sys-surface-container-low);
        }
      }

      tr.list-row-late {
        background: color-mix(in srgb, var(--mat-sys-error-container) 35%, transparent);
      }

      tr.list-row-muted {
        color: var(--mat-sys-on-surface-variant);
      }

      @include cards.phone-cards;
    }
  `,
})
export class ListTable<T> {
  readonly list = input.required<TableList<T>>();
  readonly rows = input.required<ListRows<T>>();
  /** The table's accessible name (the page's title). */
  readonly label = input.required<string>();

  private readonly router = inject(Router);
  protected readonly columnList = contentChildren<ListColumn<unknown>>(ListColumn, { descendants: true });
  protected readonly columns = computed(() => this.columnList().map((column) => column.name()));
  protected readonly clickable = computed(() => this.rows().link !== undefined);

  protected toneOf(row: T): 'late' | 'muted' | null {
    return this.rows().tone?.(row) ?? null;
  }

  protected open(row: T): void {
    const { link, linkQuery } = this.rows();
    if (!link) return;
    const queryParams = linkQuery?.(row);
    void this.router.navigate([...link(row)], queryParams ? { queryParams } : {});
  }
}
