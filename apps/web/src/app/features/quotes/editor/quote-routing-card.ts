import { Component, computed, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type { LocationKind, TransportMode } from '@velosi/contracts';

import { RecordPicker } from '../../../shared/ui/record-picker/record-picker';
import { carrierKind } from '../../../shared/ui/record-picker/picker-sources';
import { fieldError } from '../quote-errors';
import { DIRECTIONS, INCOTERMS, MODES } from '../quote-options';
import { QuoteForm } from './quote-form';

/** The mode and the direction: a select each, options labelled from the `quotes` scope. */
const CHOICES = [
  { name: 'mode', options: MODES, labels: 'quotes.modes.' },
  { name: 'direction', options: DIRECTIONS, labels: 'quotes.directions.' },
] as const;

/** The two ends of the route, each a place code (picked) and a free address. */
const LEGS = ['origin', 'destination'] as const;
/** A road quote's trucks start and end at ports, inland depots, rail and road terminals. */
const PLACE_KINDS = {
  sea: { kind: ['seaport'] },
  air: { kind: ['airport'] },
  road: { kind: ['seaport', 'inland', 'rail', 'road'] },
} as const satisfies Record<string, { kind: readonly LocationKind[] }>;

/**
 * The quote editor's "Routing" card: mode, direction, incoterm, the origin and destination, the
 * carrier and the transit time: controls of the editor's form, `form` giving their errors.
 */
@Component({
  selector: 'app-quote-routing-card',
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RecordPicker,
    TranslocoDirective,
  ],
  // The controls bind to the editor's <form [formGroup]> (its submit state, its directives).
  viewProviders: [
    { provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) },
  ],
  styleUrl: './quote-editor.scss',
  template: `
    <fieldset class="card" *transloco="let t">
      <legend>{{ t('quotes.editor.routing') }}</legend>
      <div class="grid">
        @for (choice of choices; track choice.name) {
          <mat-form-field>
            <mat-label>{{ t('quotes.fields.' + choice.name) }}</mat-label>
            <mat-select [formControlName]="choice.name" [attr.data-testid]="'quote-' + choice.name">
              @for (option of choice.options; track option) {
                <mat-option [value]="option">{{ t(choice.labels + option) }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ t('quotes.fields.incoterm') }}</mat-label>
          <mat-select formControlName="incoterm" data-testid="quote-incoterm">
            <mat-option [value]="null">—</mat-option>
            @for (i of incoterms; track i) {
              <mat-option [value]="i">{{ i }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('quotes.fields.incotermPlace') }}</mat-label>
          <input matInput formControlName="incotermPlace" data-testid="quote-incoterm-place" />
          @if (firstError(form().controls.incotermPlace); as e) {
            <mat-error>{{ e.text ?? t(e.key, e.params) }}</mat-error>
          }
        </mat-form-field>
        @for (leg of legs; track leg) {
          <div>
            <app-record-picker
              kind="locations"
              [formControlName]="leg + 'Code'"
              [testId]="'quote-' + leg + '-code'"
              [filters]="locationFilter()"
              [label]="t('quotes.fields.place.' + placeKind() + '.' + leg)"
              [hint]="t('quotes.editor.codeHint')"
              [messages]="{
                'validation.routePoint': t('quotes.validation.routePoint'),
                'validation.pattern': t('quotes.validation.code'),
              }"
            />
          </div>
          <mat-form-field>
            <mat-label>{{ t('quotes.fields.' + leg + 'Address') }}</mat-label>
            <input
              matInput
              [formControlName]="leg + 'Address'"
              [attr.data-testid]="'quote-' + leg + '-address'"
            />
          </mat-form-field>
        }
        <div>
          <app-record-picker
            formControlName="carrierCode"
            testId="quote-carrier"
            [kind]="carrierKind()"
            [label]="t('quotes.fields.carrier.' + carrierKind())"
            [hint]="t('quotes.editor.carrierHint.' + carrierKind())"
          />
        </div>
        <mat-form-field>
          <mat-label>{{ t('quotes.fields.transitTimeDays') }}</mat-label>
          <input
            matInput
            type="number"
            min="0"
            formControlName="transitTimeDays"
            data-testid="quote-transit"
          />
        </mat-form-field>
      </div>
    </fieldset>
  `,
})
export class QuoteRoutingCard {
  readonly form = input.required<QuoteForm>();
  /** The form's mode, as a signal (the pickers follow it). */
  readonly mode = input.required<TransportMode>();

  protected readonly choices = CHOICES;
  protected readonly incoterms = INCOTERMS;
  protected readonly legs = LEGS;
  protected readonly firstError = fieldError;

  /** Shipping line, airline or haulier, by the quote's mode. */
  protected readonly carrierKind = computed(() => carrierKind(this.mode()));
  /** Which places the legs take: ports (sea), airports (air), or any place but an airport (road). */
  protected readonly placeKind = computed(() => {
    const mode = this.mode();
    return mode.startsWith('sea') ? 'sea' : mode.startsWith('air') ? 'air' : 'road';
  });
  protected readonly locationFilter = computed(() => PLACE_KINDS[this.placeKind()]);
}
