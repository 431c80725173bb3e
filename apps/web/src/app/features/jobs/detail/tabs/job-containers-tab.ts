import { Component, ElementRef, inject, viewChild } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { isValidContainerNumber, type JobContainer, type JobContainerCreate } from '@velosi/contracts';

import { countControl } from '../../../../shared/forms/text-control';
import { LanguageService } from '../../../../core/i18n/language.service';
import { InlineFormActions } from '../../../../shared/detail/inline-form-actions';
import { RowActions } from '../../../../shared/detail/row-actions';
import { ControlError } from '../../../../shared/fields/control-error';
import { decimalInput, decimalOrNull, decimalValidator } from '../../../../shared/forms/decimal';
import { AMOUNT_PATTERN, textOrNull } from '../../../../shared/sales/form-problem';
import { RecordPicker } from '../../../../shared/ui/record-picker/record-picker';
import { containerSummary } from './container-summary';
import { JobPartEditor, JobPartTab } from './job-part-form';
import { jobMessages } from './job-summary-tab';
import { DecimalLanguageInput } from '../../../../shared/forms/decimal-language-input';

/** `CSQU 305438-3` as printed on the box → `CSQU3054383` (what the API stores). */
function containerNumber(value: string | null | undefined): string {
  return (value ?? '').toUpperCase().replace(/[\s-]/g, '');
}

/** The contract's ISO 6346 check, on the field (the API checks again and names `number`). */
function containerNumberValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = containerNumber(control.value);
  return value === '' || isValidContainerNumber(value) ? null : { container: true };
}

const measure = () =>
  new FormControl('', { nonNullable: true, validators: decimalValidator(AMOUNT_PATTERN) });

function containerForm() {
  return new FormGroup({
    number: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, containerNumberValidator],
    }),
    sizeType: new FormControl<string | null>(null, Validators.required),
    sealNumber: new FormControl('', { nonNullable: true, validators: Validators.maxLength(50) }),
    tareKg: measure(),
    grossKg: measure(),
    vgmKg: measure(),
    packages: countControl(),
  });
}

/** The container as the API takes it: the number as stored, empty texts and measures as null. */
function containerBody(form: ReturnType<typeof containerForm>): JobContainerCreate {
  const v = form.getRawValue();
  return {
    number: containerNumber(v.number),
    sizeType: v.sizeType ?? '',
    sealNumber: textOrNull(v.sealNumber),
    tareKg: decimalOrNull(v.tareKg),
    grossKg: decimalOrNull(v.grossKg),
    vgmKg: decimalOrNull(v.vgmKg),
    packages: v.packages,
  };
}

/** Containers tab: the boxes of the job (ISO 6346 numbers), added, corrected or removed one by one. */
@Component({
  selector: 'app-job-containers-tab',
  imports: [
    DecimalLanguageInput,
    ControlError,
    InlineFormActions,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RecordPicker,
    RowActions,
    TranslocoDirective,
  ],
  template: `
    <div class="tab-body" *transloco="let t">
      <section class="card">
        <h2 class="card-title">{{ t('jobs.tabs.containers') }}</h2>
        @if (job().containers.length === 0) {
          <p class="muted" data-testid="job-containers-empty">{{ t('jobs.containers.empty') }}</p>
        } @else {
          <ul class="items" data-testid="job-containers">
            @for (c of job().containers; track c.id) {
              <li [attr.data-testid]="'job-container-' + c.number">
                <div>
                  <strong>{{ c.number }}</strong> · {{ c.sizeType }}
                  @if (c.sealNumber) {
                    · {{ t('jobs.containers.seal') }} {{ c.sealNumber }}
                  }
                  <span class="muted block" data-testid="job-container-summary">{{ summary(c, t) }}</span>
                </div>
                @if (canWrite()) {
                  <app-row-actions
                    class="row-actions"
                    [editLabel]="t('jobs.containers.edit', { number: c.number })"
                    [deleteLabel]="t('jobs.containers.delete', { number: c.number })"
                    (edit)="editor.edit(c)"
                    (remove)="remove(c)"
                  />
                }
              </li>
            }
          </ul>
        }
      </section>

      @if (canWrite()) {
        <section #partForm class="card" [formGroup]="form">
          <h2 class="card-title">
            {{
              editor.editing()
                ? t('jobs.containers.editTitle', { number: editor.editing()?.number })
                : t('jobs.containers.add')
            }}
          </h2>
          <div class="grid align-top">
            <!-- Dynamic: the ISO 6346 hint is two lines in a narrow column, not cut by the next row. -->
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ t('jobs.containers.number') }}</mat-label>
              <input
                matInput
                class="upper"
                formControlName="number"
                placeholder="CSQU3054383"
                data-testid="container-number"
              />
              <app-control-error matError [control]="form.controls.number" [messages]="messages(t)" />
            </mat-form-field>
            <app-record-picker
              kind="equipment"
              formControlName="sizeType"
              testId="container-size-type"
              [required]="true"
              [label]="t('jobs.containers.sizeType')"
            />
            <mat-form-field>
              <mat-label>{{ t('jobs.containers.sealNumber') }}</mat-label>
              <input matInput formControlName="sealNumber" data-testid="container-seal" />
            </mat-form-field>
            @for (field of measures; track field) {
              <mat-form-field>
                <mat-label>{{ t('jobs.containers.' + field) }}</mat-label>
                <input
                  matInput
                  inputmode="decimal"
                  [formControlName]="field"
                  [attr.data-testid]="'container-' + field"
                />
                <app-control-error matError [control]="form.controls[field]" [messages]="messages(t)" />
              </mat-form-field>
            }
            <mat-form-field>
              <mat-label>{{ t('jobs.containers.packages') }}</mat-label>
              <input matInput type="number" min="0" formControlName="packages" />
              <app-control-error matError [control]="form.controls.packages" />
            </mat-form-field>
          </div>
          <app-inline-form-actions
            [errors]="saver.errors()"
            [busy]="saver.busy()"
            [editing]="!!editor.editing()"
            saveTestId="container-save"
            [saveIcon]="editor.editing() ? 'save' : 'add'"
            [saveLabel]="editor.editing() ? t('jobs.containers.save') : t('jobs.containers.add')"
            (save)="editor.save()"
            (discard)="editor.cancel()"
          />
        </section>
      }
    </div>
  `,
  styleUrls: ['./job-tabs.scss', './job-items.scss'],
})
export class JobContainersTab extends JobPartTab {
  private readonly lang = inject(LanguageService).active;
  protected readonly form = containerForm();
  private readonly partForm = viewChild<ElementRef<HTMLElement>>('partForm');
  protected readonly editor = new JobPartEditor(this.saver, this.form, {
    formValue: (container: JobContainer) => ({
      number: container.number,
      sizeType: container.sizeType,
      sealNumber: container.sealNumber ?? '',
      tareKg: this.measureInput(container.tareKg),
      grossKg: this.measureInput(container.grossKg),
      vgmKg: this.measureInput(container.vgmKg),
      packages: container.packages ?? null,
    }),
    body: containerBody,
    add: (body) => this.api.addContainer(this.job().id, body),
    update: (container, body) =>
      this.api.updateContainer(this.job().id, container.id, { ...body, version: container.version }),
    addedKey: 'jobs.containers.added',
    updatedKey: 'jobs.containers.saved',
    worded: [{ field: 'number', message: 'this container is already on the job', key: 'containerTaken' }],
    formElement: () => this.partForm()?.nativeElement,
  });
  protected readonly measures = ['tareKg', 'grossKg', 'vgmKg'] as const;

  protected messages(t: (key: string) => string): Record<string, string> {
    return jobMessages(t);
  }

  protected summary(container: JobContainer, t: (key: string, params?: object) => string): string {
    return containerSummary(container, t, this.lang());
  }

  /** A stored weight as its input shows it: `2400`, `1250,5` in French (decimalInput). */
  private measureInput(value: string | null | undefined): string {
    return decimalInput(value, this.lang(), { trimZeros: true });
  }

  protected remove(container: JobContainer): void {
    void this.saver.remove(() => this.api.deleteContainer(this.job().id, container.id), 'jobs.containers', {
      number: container.number,
    });
  }
}
