import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { ListSearch } from '../list-page-state';
import { LIST_TEXTS } from '../list-texts';

/**
 * The row above a list: the search field, then the page's own filters (projected content), then
 * — given `clearLabel`, and while a search or a filter narrows the list — the button that clears
 * them. Texts come translated from the page; the search label defaults to the generic one
 * (list-texts.ts), for lists whose search needs no hint of its fields.
 */
@Component({
  selector: 'app-list-toolbar',
  imports: [MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule, TranslocoPipe],
  providers: [provideTranslocoScope('sales')],
  changeDetection: ChangeDetectionStrategy.OnPush,
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
    <ng-content />
    @if (clearLabel() && list().filtered()) {
      <button mat-button type="button" (click)="clear()">{{ clearLabel() }}</button>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 12px;
    }

    .search {
      width: min(100%, 360px);
    }
  `,
})
export class ListToolbar {
  readonly list = input.required<ListSearch>();
  readonly searchLabel = input<string>();
  readonly searchTestid = input.required<string>();
  readonly searchHint = input<string>();
  /** The "clear filters" button's text; without it the toolbar has no such button. */
  readonly clearLabel = input<string>();
  /** After the list's own reset (a filter control the list does not drive can follow it). */
  readonly cleared = output<void>();

  protected readonly texts = LIST_TEXTS;

  protected clear(): void {
    this.list().reset();
    this.cleared.emit();
  }
}
