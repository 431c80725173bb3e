import { Component, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Traffic, TransportMode, TransportNeed } from '@velosi/contracts';

import { TRAFFICS, TRANSPORT_MODES, TRANSPORT_NEEDS } from '../sales/sales-options';

/**
 * The transport selects of a sales form, each shown when its control is given: the coarse needs
 * of a prospect (several), the mode of an opportunity, and import/export. Each is its own cell of
 * the dialog's grid: `<app-transport-fields [mode]="form.controls.transportType"
 * [traffic]="form.controls.traffic" />`.
 */
@Component({
  selector: 'app-transport-fields',
  imports: [MatFormFieldModule, MatSelectModule, ReactiveFormsModule, TranslocoDirective],
  providers: [provideTranslocoScope('sales')],
  template: `
    <ng-container *transloco="let t">
      @if (needs(); as needs) {
        <mat-form-field>
          <mat-label>{{ t('sales.fields.transportNeeds') }}</mat-label>
          <mat-select multiple [formControl]="needs" [attr.data-testid]="needsTestId()">
            @for (n of needOptions; track n) {
              <mat-option [value]="n">{{ t('sales.transportNeed.' + n) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (mode(); as mode) {
        <mat-form-field>
          <mat-label>{{ t('sales.fields.transportType') }}</mat-label>
          <mat-select [formControl]="mode">
            <mat-option [value]="null">—</mat-option>
            @for (m of modeOptions; track m) {
              <mat-option [value]="m">{{ t('sales.transportMode.' + m) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (traffic(); as traffic) {
        <mat-form-field>
          <mat-label>{{ t('sales.fields.traffic') }}</mat-label>
          <mat-select [formControl]="traffic">
            <mat-option [value]="null">—</mat-option>
            @for (tr of trafficOptions; track tr) {
              <mat-option [value]="tr">{{ t('sales.traffic.' + tr) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
    </ng-container>
  `,
  // The selects sit in the dialog's grid as if written there (one cell each).
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class TransportFields {
  readonly needs = input<FormControl<TransportNeed[]>>();
  readonly mode = input<FormControl<TransportMode | null>>();
  readonly traffic = input<FormControl<Traffic | null>>();
  readonly needsTestId = input<string>();

  protected readonly needOptions = TRANSPORT_NEEDS;
  protected readonly modeOptions = TRANSPORT_MODES;
  protected readonly trafficOptions = TRAFFICS;
}
