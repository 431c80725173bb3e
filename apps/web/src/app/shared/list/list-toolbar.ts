import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';

import { ListSearch } from './list-page-state';

/**
 * The row above a list: the search field, then the page's own filters (projected content). Texts
 * come translated from the page, so the toolbar works in any translation scope.
 */
@Component({
  selector: 'app-list-toolbar',
  imports: [MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ searchLabel() }}</mat-label>
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
  readonly searchLabel = input.required<string>();
  readonly searchTestid = input.required<string>();
  readonly searchHint = input<string>();
}
