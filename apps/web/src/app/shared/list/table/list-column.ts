import { NgTemplateOutlet } from '@angular/common';
import {
  Component,
  Directive,
  OnInit,
  TemplateRef,
  ViewChild,
  booleanAttribute,
  computed,
  contentChild,
  inject,
  input,
} from '@angular/core';
import { MatSortModule } from '@angular/material/sort';
import { MatCellDef, MatColumnDef, MatHeaderCellDef, MatTableModule } from '@angular/material/table';

/** The content of a ListColumn's cells: `<ng-template appListCell let-lead>…</ng-template>`. */
@Directive({ selector: 'ng-template[appListCell]' })
export class ListCell {
  readonly template = inject(TemplateRef);
}

/**
 * One column of a ListTable: its header (a sort header given `sort`, the field's name or the API's
 * sort field, e.g. `sort="clientName"`) and its cells, each with a `data-label` (the header) that
 * the table's phone cards show before the value.
 *
 *     <app-list-column name="status" sort [header]="t('leads.fields.status')" cellClass="nowrap">
 *       <ng-template appListCell let-lead>{{ lead.status }}</ng-template>
 *     </app-list-column>
 *
 * The cells are this component's, so the page styles them from `:host ::ng-deep` (list-page.scss).
 */
@Component({
  selector: 'app-list-column',
  imports: [MatSortModule, MatTableModule, NgTemplateOutlet],
  template: `
    <!-- One header def: a header either is a sort header or has none of its markup. -->
    <ng-container matColumnDef>
      <ng-template matHeaderCellDef>
        @if (sorted) {
          <th
            mat-header-cell
            [mat-sort-header]="sortId()"
            [arrowPosition]="numeric() ? 'before' : 'after'"
            scope="col"
            [class]="headerClass()"
          >
            <ng-container *ngTemplateOutlet="headerText" />
          </th>
        } @else {
          <th mat-header-cell scope="col" [class]="headerClass()">
            <ng-container *ngTemplateOutlet="headerText" />
          </th>
        }
      </ng-template>
      <ng-template matCellDef let-row>
        <td
          mat-cell
          [class]="cellClassOf(row)"
          [attr.data-label]="header()"
          [attr.data-testid]="cellTestid() ?? null"
        >
          <ng-container *ngTemplateOutlet="cell().template; context: { $implicit: row }" />
        </td>
      </ng-template>
    </ng-container>
    <ng-template #headerText>
      @if (headerHidden()) {
        <span class="cdk-visually-hidden">{{ header() }}</span>
      } @else {
        {{ header() }}
      }
    </ng-template>
  `,
})
export class ListColumn<T> implements OnInit {
  /** The column's id in the table (and its default sort field). */
  readonly name = input.required<string>();
  /** The header's text (also each cell's `data-label`). */
  readonly header = input.required<string>();
  /** For a column of buttons: the header is read by screen readers only. */
  readonly headerHidden = input(false, { transform: booleanAttribute });
  /** `sort` sorts by `name`; `sort="field"` by that field; left out, the header does not sort. */
  readonly sort = input<string | boolean, string | boolean>(false, {
    transform: (value) => (value === '' ? true : value),
  });
  readonly headerClass = input('');
  /** A figures column (`headerClass="num"`): its sort arrow goes before the text, which ends flush right over the figures. */
  protected readonly numeric = computed(() => this.headerClass().split(/\s+/).includes('num'));
  /** The cells' classes, the same for every row or depending on it. */
  readonly cellClass = input<string | ((row: T) => string)>('');
  readonly cellTestid = input<string>();

  protected readonly cell = contentChild.required(ListCell);
  protected readonly sortId = computed(() => {
    const sort = this.sort();
    return typeof sort === 'string' ? sort : this.name();
  });
  /** The field this column sorts by, or null when its header does not sort (the phone's sort menu). */
  readonly sortField = computed(() => (this.sort() === false ? null : this.sortId()));

  // Static: the def is complete at init, before the table (in ListTable's view) renders rows.
  @ViewChild(MatColumnDef, { static: true }) private readonly column!: MatColumnDef;
  @ViewChild(MatHeaderCellDef, { static: true }) private readonly headerCell!: MatHeaderCellDef;
  @ViewChild(MatCellDef, { static: true }) private readonly cells!: MatCellDef;

  /** The def the table shows (set at init). */
  def!: MatColumnDef;
  /** Whether the header sorts (`sort` is read once, at init). */
  protected sorted = false;

  ngOnInit(): void {
    this.sorted = this.sort() !== false;
    this.def = this.column;
    this.def.name = this.name();
    this.def.headerCell = this.headerCell;
    this.def.cell = this.cells;
  }

  protected cellClassOf(row: T): string {
    const cellClass = this.cellClass();
    return typeof cellClass === 'string' ? cellClass : cellClass(row);
  }
}
