import { Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import type { Permission } from '@velosi/contracts';

import { SessionStore } from '../../core/auth/session.store';

/**
 * A list page's "New …" button, shown only with the permission to create: a link to the editor
 * page given `link`, else a button whose `create` the page handles (a create dialog).
 *
 *     <app-list-create-button permission="leads:write" [label]="t('leads.create')" testid="lead-create" (create)="create()" />
 */
@Component({
  selector: 'app-list-create-button',
  imports: [MatButtonModule, MatIconModule, RouterLink],
  template: `
    @if (allowed()) {
      @if (link(); as path) {
        <a mat-flat-button [routerLink]="path" [attr.data-testid]="testid()">
          <mat-icon [svgIcon]="icon()" aria-hidden="true" />
          {{ label() }}
        </a>
      } @else {
        <button mat-flat-button type="button" [attr.data-testid]="testid()" (click)="create.emit()">
          <mat-icon [svgIcon]="icon()" aria-hidden="true" />
          {{ label() }}
        </button>
      }
    }
  `,
})
export class ListCreateButton {
  readonly permission = input.required<Permission>();
  readonly label = input.required<string>();
  readonly testid = input.required<string>();
  readonly icon = input('add');
  /** The editor page of a new record (`/quotes/new`); without it the button emits `create`. */
  readonly link = input<string>();
  readonly create = output<void>();

  private readonly session = inject(SessionStore);
  protected readonly allowed = computed(() => this.session.can(this.permission()));
}
