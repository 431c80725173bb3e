import { Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { ADDRESS_KINDS } from '@velosi/contracts';

import { CodeListField } from '../../../shared/reference/code-list-field';
import { IsoLists } from '../../../shared/reference/iso-lists';
import { addressGroup, type ClientForm } from './client-form-model';
import { TextField } from '../../../shared/fields/text-field';
import { SelectField } from '../../../shared/fields/select-field';

/** The extra addresses of the client form (billing, pickup, delivery): add, edit, remove. */
@Component({
  selector: 'app-client-addresses-fields',
  imports: [CodeListField, MatButtonModule, ReactiveFormsModule, SelectField, TextField, TranslocoDirective],
  template: `
    @let list = form().controls.addresses;
    <ng-container *transloco="let t; prefix: 'clients'">
      <h3 class="section-title">{{ t('sections.addresses') }}</h3>
      @for (a of list.controls; track a; let i = $index) {
        <fieldset class="address span-2" [attr.data-testid]="'client-address-' + i">
          <legend>{{ t('addresses.entry', { n: i + 1 }) }}</legend>
          <app-select-field
            [control]="a.controls.kind"
            [label]="t('fields.addressKind')"
            [options]="kinds"
            optionKey="clients.addressKind."
          />
          <app-text-field [control]="a.controls.label" [label]="t('fields.addressLabel')" />
          <app-text-field
            class="wide"
            [control]="a.controls.street"
            [label]="t('fields.address')"
            required
            [testId]="'client-address-street-' + i"
          />
          <app-text-field [control]="a.controls.postalCode" [label]="t('fields.postalCode')" />
          <app-text-field [control]="a.controls.city" [label]="t('fields.city')" />
          <app-code-list-field
            [control]="a.controls.country"
            [choices]="iso.countries()"
            [label]="t('fields.country')"
            [testId]="'client-address-country-' + i"
          />
          <div class="remove">
            <button mat-button type="button" (click)="remove(i)">{{ t('addresses.remove') }}</button>
          </div>
        </fieldset>
      } @empty {
        <p class="span-2 hint">{{ t('addresses.empty') }}</p>
      }
      <div class="span-2">
        <button mat-stroked-button type="button" data-testid="client-address-add" (click)="add()">
          {{ t('addresses.add') }}
        </button>
      </div>
    </ng-container>
  `,
  styleUrl: '../../../shared/sales/form-dialog.scss',
  styles: `
    :host {
      display: contents;
    }
    .address {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      column-gap: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 8px 12px;
      margin: 0 0 8px;
      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .wide,
    .remove {
      grid-column: 1 / -1;
    }
    .remove {
      text-align: end;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ClientAddressesFields {
  readonly form = input.required<ClientForm>();
  protected readonly iso = inject(IsoLists);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly kinds = ADDRESS_KINDS;

  protected add(): void {
    const list = this.form().controls.addresses;
    list.push(addressGroup(this.fb));
    list.markAsDirty();
  }

  protected remove(index: number): void {
    const list = this.form().controls.addresses;
    list.removeAt(index);
    list.markAsDirty();
  }
}
