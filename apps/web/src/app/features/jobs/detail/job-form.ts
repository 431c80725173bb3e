import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { isValidAwbNumber, isValidImo, type Job, type JobUpdate } from '@velosi/contracts';

import { countControl } from '../../../shared/forms/text-control';
import { decimalInput, decimalOrNull, decimalValidator } from '../../../shared/forms/decimal';
import {
  AMOUNT_PATTERN,
  isoToLocalInput,
  localInputToIso,
  textOrNull,
} from '../../../shared/sales/form-problem';

const text = (max: number) =>
  new FormControl('', { nonNullable: true, validators: Validators.maxLength(max) });
const nullable = () => new FormControl<string | null>(null);
const decimal = () =>
  new FormControl('', { nonNullable: true, validators: decimalValidator(AMOUNT_PATTERN) });
const dateTime = () => new FormControl('', { nonNullable: true });

/**
 * Client-side mirror of the contract's check (the API checks again and names the field on a 400):
 * `key` is the error set on the control, its message is `jobs.validation.<key>`.
 */
function checked(test: (value: string) => boolean, key: string): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = (control.value ?? '').trim();
    return value === '' || test(value) ? null : { [key]: true };
  };
}

/** A typed 11-digit air waybill is accepted as the API accepts it (`17612345675` → `176-12345675`). */
function awb(value: string): string {
  return /^\d{11}$/.test(value) ? `${value.slice(0, 3)}-${value.slice(3)}` : value;
}

/** ETA before ETD: the same rule as JobUpdateSchema, shown on the ETA field. */
const etaAfterEtd: ValidatorFn = (group) => {
  const etd = group.get('etd')?.value as string;
  const eta = group.get('eta');
  if (!eta) return null;
  const wrong = !!etd && !!eta.value && eta.value < etd;
  const { etaBeforeEtd: _, ...others } = eta.errors ?? {};
  eta.setErrors(wrong ? { ...others, etaBeforeEtd: true } : Object.keys(others).length ? others : null);
  return null;
};

/** The job's editable fields (what PATCH /api/jobs/:id takes), one control per field. */
export function jobForm() {
  return new FormGroup(
    {
      // Summary
      commodity: text(500),
      packagesCount: countControl(),
      grossWeightKg: decimal(),
      volumeM3: decimal(),
      dangerousGoods: new FormControl(false, { nonNullable: true }),
      unNumber: new FormControl('', {
        nonNullable: true,
        validators: Validators.pattern(/^(UN\s*)?\d{4}$/i),
      }),
      imoClass: new FormControl('', {
        nonNullable: true,
        validators: Validators.pattern(/^[1-9](\.[1-6])?[A-HJLN-S]?$/i),
      }),
      customsDeclarationRef: text(100),
      assignedTo: new FormControl<string[]>([], { nonNullable: true }),
      notifyClientOfMilestones: new FormControl(false, { nonNullable: true }),
      notes: text(5000),
      // Parties
      shipperId: nullable(),
      consigneeId: nullable(),
      notifyId: nullable(),
      agentCode: nullable(),
      // Transport
      carrierCode: nullable(),
      vesselImo: new FormControl<string | null>(null, checked(isValidImo, 'imo')),
      vesselName: text(200),
      voyageNumber: text(50),
      flightNumber: text(20),
      bookingNumber: text(100),
      polCode: nullable(),
      podCode: nullable(),
      placeOfReceipt: text(200),
      placeOfDelivery: text(200),
      etd: new FormControl('', { nonNullable: true }),
      eta: new FormControl('', { nonNullable: true }),
      cargoCutoffAt: dateTime(),
      docCutoffAt: dateTime(),
      vgmCutoffAt: dateTime(),
      mblNumber: text(50),
      hblNumber: text(50),
      mawbNumber: new FormControl('', {
        nonNullable: true,
        validators: checked((v) => isValidAwbNumber(awb(v)), 'awb'),
      }),
      hawbNumber: text(50),
      cmrNumber: text(50),
    },
    { validators: etaAfterEtd },
  );
}

export type JobForm = ReturnType<typeof jobForm>;

/** The first tabs of the job page, in order; the transport tab edits every field not listed here. */
export const JOB_FORM_TABS = ['summary', 'parties', 'transport'] as const;
export type JobFormTab = (typeof JOB_FORM_TABS)[number];
const SUMMARY_FIELDS: readonly string[] = [
  'commodity',
  'packagesCount',
  'grossWeightKg',
  'volumeM3',
  'unNumber',
  'imoClass',
  'customsDeclarationRef',
  'assignedTo',
  'notes',
];
const PARTIES_FIELDS: readonly string[] = ['shipperId', 'consigneeId', 'notifyId', 'agentCode'];

/**
 * The tab holding the form's first invalid field, or null when the form is valid: where a refused
 * save sends the user, since the field in error may sit on a tab out of sight.
 */
export function tabOfFirstError(form: JobForm): JobFormTab | null {
  if (form.valid) return null;
  const invalid = Object.entries(form.controls)
    .filter(([, control]) => control.invalid)
    .map(([name]) => name);
  if (invalid.some((name) => SUMMARY_FIELDS.includes(name))) return 'summary';
  if (invalid.some((name) => PARTIES_FIELDS.includes(name))) return 'parties';
  return 'transport';
}
type JobFormValue = ReturnType<JobForm['getRawValue']>;

/** The form's values for a job as read; weight and volume written the `lang` way (`2400`, `12,5`). */
export function jobFormValue(job: Job, lang: string): JobFormValue {
  return {
    commodity: job.commodity ?? '',
    packagesCount: job.packagesCount ?? null,
    grossWeightKg: decimalInput(job.grossWeightKg, lang, { trimZeros: true }),
    volumeM3: decimalInput(job.volumeM3, lang, { trimZeros: true }),
    dangerousGoods: job.dangerousGoods,
    unNumber: job.unNumber ?? '',
    imoClass: job.imoClass ?? '',
    customsDeclarationRef: job.customsDeclarationRef ?? '',
    assignedTo: [...job.assignedTo],
    notifyClientOfMilestones: job.notifyClientOfMilestones,
    notes: job.notes ?? '',
    shipperId: job.shipperId ?? null,
    consigneeId: job.consigneeId ?? null,
    notifyId: job.notifyId ?? null,
    agentCode: job.agentCode ?? null,
    carrierCode: job.carrierCode ?? null,
    vesselImo: job.vesselImo ?? null,
    vesselName: job.vesselName ?? '',
    voyageNumber: job.voyageNumber ?? '',
    flightNumber: job.flightNumber ?? '',
    bookingNumber: job.bookingNumber ?? '',
    polCode: job.polCode ?? null,
    podCode: job.podCode ?? null,
    placeOfReceipt: job.placeOfReceipt ?? '',
    placeOfDelivery: job.placeOfDelivery ?? '',
    etd: job.etd ?? '',
    eta: job.eta ?? '',
    cargoCutoffAt: isoToLocalInput(job.cargoCutoffAt),
    docCutoffAt: isoToLocalInput(job.docCutoffAt),
    vgmCutoffAt: isoToLocalInput(job.vgmCutoffAt),
    mblNumber: job.mblNumber ?? '',
    hblNumber: job.hblNumber ?? '',
    mawbNumber: job.mawbNumber ?? '',
    hawbNumber: job.hawbNumber ?? '',
    cmrNumber: job.cmrNumber ?? '',
  };
}

/**
 * PATCH semantics: only the fields whose controls the user changed, with the version the form
 * was filled from (a stale one answers 409).
 */
export function jobUpdateBody(form: JobForm, version: number): JobUpdate {
  const v = form.getRawValue();
  const all: Omit<JobUpdate, 'version'> & Record<keyof JobFormValue, unknown> = {
    commodity: textOrNull(v.commodity),
    packagesCount: v.packagesCount,
    grossWeightKg: decimalOrNull(v.grossWeightKg),
    volumeM3: decimalOrNull(v.volumeM3),
    dangerousGoods: v.dangerousGoods,
    unNumber: textOrNull(v.unNumber),
    imoClass: textOrNull(v.imoClass)?.toUpperCase() ?? null,
    customsDeclarationRef: textOrNull(v.customsDeclarationRef),
    assignedTo: v.assignedTo,
    notifyClientOfMilestones: v.notifyClientOfMilestones,
    notes: textOrNull(v.notes),
    shipperId: v.shipperId,
    consigneeId: v.consigneeId,
    notifyId: v.notifyId,
    agentCode: v.agentCode,
    carrierCode: v.carrierCode,
    vesselImo: v.vesselImo,
    vesselName: textOrNull(v.vesselName),
    voyageNumber: textOrNull(v.voyageNumber),
    flightNumber: textOrNull(v.flightNumber),
    bookingNumber: textOrNull(v.bookingNumber),
    polCode: v.polCode,
    podCode: v.podCode,
    placeOfReceipt: textOrNull(v.placeOfReceipt),
    placeOfDelivery: textOrNull(v.placeOfDelivery),
    etd: v.etd || null,
    eta: v.eta || null,
    cargoCutoffAt: localInputToIso(v.cargoCutoffAt),
    docCutoffAt: localInputToIso(v.docCutoffAt),
    vgmCutoffAt: localInputToIso(v.vgmCutoffAt),
    mblNumber: textOrNull(v.mblNumber),
    hblNumber: textOrNull(v.hblNumber),
    mawbNumber: textOrNull(v.mawbNumber) === null ? null : awb(v.mawbNumber.trim()),
    hawbNumber: textOrNull(v.hawbNumber),
    cmrNumber: textOrNull(v.cmrNumber),
  };
  const changed: Partial<typeof all> = {};
  for (const key of Object.keys(form.controls) as (keyof JobFormValue)[]) {
    if (form.controls[key].dirty) Object.assign(changed, { [key]: all[key] });
  }
  return { ...changed, version } as JobUpdate;
}
