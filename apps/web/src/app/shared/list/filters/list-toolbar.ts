import { Component, OnInit, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { ListSearch } from '../list-page-state';
import { LIST_TEXTS } from '../list-texts';

/**
 * The row above a list: the search field, then the page's own filters (projected content), then
 * — given `clearLabel`, and while a search or a filter narrows the list — the button that clears
 * them. Texts come translated from the page; the search label defaults to the generic one
 * (list-texts.ts), for lists whose search needs no hint of its fields.
 *
 * On a phone the filters fold behind a "Filtres" button beside the search, so the first rows show
 * without scrolling past a column of fields; they start unfolded when the address already narrows
 * the list (what narrows it stays in view). A toolbar without filters has no such button.
 */
@Component({
  selector: 'app-list-toolbar',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatTooltipModule,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('sales')],
  template: `
    <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ searchLabel() ?? (texts.search | transloco) }}</mat-label>
      <mat-icon matPrefix svgIcon="search" aria-hidden="true" />
      <input
        #field
        matInput
        type="search"
        autocomplete="off"
        [attr.data-testid]="searchTestid()"
        [value]="list().searchText()"
        (input)="list().search(field.value)"
      />
      @if (searchHint(); as hint) {
        <mat-hint>{{ hint }}</mat-hint>
      }
    </mat-form-field>
    <div class="filters" [id]="panelId" [class.open]="open()">
      <ng-content />
      @if (clearLabel() && list().filtered()) {
        <button
          mat-button
          class="clear"
          type="button"
          [matTooltip]="clearLabel() ?? ''"
          [attr.aria-label]="clearLabel()"
          (click)="clear()"
        >
          <mat-icon svgIcon="filter_alt_off" aria-hidden="true" />
          <span class="clear-text">{{ clearLabel() }}</span>
        </button>
      }
    </div>
    <button
      mat-stroked-button
      class="filters-toggle"
      type="button"
      data-testid="list-filters-toggle"
      [attr.aria-expanded]="open()"
      [attr.aria-controls]="panelId"
      (click)="open.set(!open())"
    >
      <mat-icon svgIcon="filter_list" aria-hidden="true" />
      {{ (list().filtered() ? texts.filtersActive : texts.filters) | transloco }}
    </button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
      container-type: inline-size;
    }

    .search {
      position: relative;
      width: min(100%, 360px);
    }

    // The search's hint (what it looks in) hangs under the field, out of the row's flow, so the
    // filters beside the field stay level with it; the toolbar leaves the hint its room.
    .search ::ng-deep .mat-mdc-form-field-subscript-wrapper {
      position: absolute;
      top: 100%;
      inset-inline: 0;
    }

    :host(:has(.search mat-hint)) {
      row-gap: 28px;
      margin-bottom: 28px;
    }

    // A narrower toolbar (a laptop's 1440 px beside the menu) gives the search less room, so the
    // filters of the busiest lists (client, method, from, to) stay on one row with it.
    @container (max-width: 1199px) {
      .search {
        width: min(100%, 280px);
      }
    }

    // Four filters fill a laptop's toolbar row (payments, the audit at 1440 px): there the clear
    // button, its fifth item, keeps its icon only (its name stays its label, shown as its tooltip)
    // rather than taking a row of its own once a filter is set. Narrower or busier toolbars wrap
    // anyway and keep the words, as does a phone's folded panel.
    @container (min-width: 1080px) {
      :host(:has(.filters > .clear:nth-child(5):last-child)) {
        .clear {
          min-width: 40px;
          padding: 0 8px;
        }

        .clear .mat-icon {
          margin: 0;
        }

        .clear-text {
          display: none;
        }
      }
    }

    // A desktop lays the filters out in the toolbar's own row, as if the wrapper were not there.
    .filters {
      display: contents;
    }

    .filters-toggle {
      display: none;
    }

    // A phone's search shares its row with the filters button only: its hint stays in the flow (it may
    // take two lines) and the button stays level with the field, (56 - 40) / 2 px down.
    @media (max-width: 599px) {
      :host,
      :host(:has(.search mat-hint)) {
        align-items: flex-start;
        row-gap: 12px;
        margin-bottom: 12px;
      }

      .search {
        flex: 1 1 0;
        min-width: 0;
      }

      .search ::ng-deep .mat-mdc-form-field-subscript-wrapper {
        position: static;
      }

      .filters-toggle {
        display: inline-flex;
        flex: none;
        margin-top: 8px;
      }

      // Nothing projected and no clear button (comments only): no button for an empty panel.
      .filters:empty + .filters-toggle {
        display: none;
      }

      .filters {
        display: none;
        order: 1;
      }

      .filters.open {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 12px;
        width: 100%;
      }
    }
  `,
})
export class ListToolbar implements OnInit {
  private static next = 0;
  readonly list = input.required<ListSearch>();
  readonly searchLabel = input<string>();
  readonly searchTestid = input.required<string>();
  readonly searchHint = input<string>();
  /** The "clear filters" button's text; without it the toolbar has no such button. */
  readonly clearLabel = input<string>();
  /** After the list's own reset (a filter control the list does not drive can follow it). */
  readonly cleared = output<void>();

  protected readonly texts = LIST_TEXTS;
  /** The phone's filter panel: unfolded or not (a desktop always shows the filters). */
  protected readonly open = signal(false);
  protected readonly panelId = `list-filters-${ListToolbar.next++}`;

  ngOnInit(): void {
    this.open.set(this.list().filtered());
  }

  protected clear(): void {
    this.list().reset();
    this.cleared.emit();
  }
}
