import {
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
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTable, MatTableModule } from '@angular/material/table';
import { Params, Router } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { LIST_TEXTS } from '../list-texts';

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
/** A sort order of the phone's menu: the API's sort field and its name. */
export interface SortOption {
  readonly field: string;
  readonly header: string;
}

@Component({
  selector: 'app-list-table',
  imports: [
    ListColumns,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('sales')],
  hostDirectives: [{ directive: ListSort, inputs: ['appListSort: list'] }],
  encapsulation: ViewEncapsulation.None,
  template: `
    @if (list().rows(); as data) {
      @if (sortFields().length) {
        <!-- A phone hides the headers (rows are cards): the order is chosen here instead. -->
        <div class="list-phone-sort">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>{{ texts.sortBy | transloco }}</mat-label>
            <mat-select
              data-testid="list-sort-field"
              [value]="list().sort().active"
              (valueChange)="sorter.sortBy($event)"
            >
              @for (column of sortFields(); track $index) {
                <mat-option [value]="column.field">{{ column.header }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @let descending = list().sort().direction === 'desc';
          <button
            mat-icon-button
            type="button"
            data-testid="list-sort-direction"
            [attr.aria-label]="(descending ? texts.sortDescending : texts.sortAscending) | transloco"
            [attr.title]="(descending ? texts.sortDescending : texts.sortAscending) | transloco"
            (click)="sorter.sortBy(list().sort().active)"
          >
            <mat-icon [svgIcon]="descending ? 'arrow_downward' : 'arrow_upward'" aria-hidden="true" />
          </button>
        </div>
      }
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

      .list-phone-sort {
        display: none;
      }

      @include cards.phone-cards;

      @media (max-width: 599px) {
        .list-phone-sort {
          display: flex;
          align-items: center;
          gap: 4px;
          padding: 8px 12px 0;

          mat-form-field {
            flex: 1 1 0;
            min-width: 0;
          }
        }
      }
    }
  `,
})
export class ListTable<T> {
  readonly list = input.required<TableList<T>>();
  readonly rows = input.required<ListRows<T>>();
  /** The table's accessible name (the page's title). */
  readonly label = input.required<string>();
  /**
   * Orders the list offers that no column header gives (e.g. newest first, by creation date): the
   * phone's sort menu lists them after the columns, so it names the order a list opens in.
   */
  readonly sortOptions = input<readonly SortOption[]>([]);

  private readonly router = inject(Router);
  protected readonly sorter = inject(ListSort);
  protected readonly texts = LIST_TEXTS;
  protected readonly columnList = contentChildren<ListColumn<unknown>>(ListColumn, { descendants: true });
  protected readonly columns = computed(() => this.columnList().map((column) => column.name()));
  /** The columns whose header sorts, for the phone's sort menu (field and header text). */
  protected readonly sortFields = computed((): readonly SortOption[] => {
    const columns = this.columnList().flatMap((column) => {
      const field = column.sortField();
      return field ? [{ field, header: column.header() }] : [];
    });
    const extra = this.sortOptions().filter((option) => !columns.some((c) => c.field === option.field));
    return [...columns, ...extra];
  });
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
