import { AbstractControl, FormArray, FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import type {
  Contact,
  ContainerType,
  FieldError,
  Incoterm,
  Opportunity,
  Quote,
  QuoteCreateInput,
  QuoteLineInput,
  QuoteLineKind,
  QuoteLineUnit,
  QuoteUpdate,
  TransportMode,
  Traffic,
  VatRate,
} from '@velosi/contracts';
import type { QuoteTotalsLineInput } from '@velosi/contracts/quote-math';

import { SERVER_ERROR } from '../../../shared/forms/form-errors';
import {
  decimalInput,
  decimalOrNull,
  decimalValidator,
  normalizeDecimal,
} from '../../../shared/forms/decimal';
import { AMOUNT_PATTERN, RATE_PATTERN, textOrNull } from '../../../shared/sales/form-problem';
import { BASE_CURRENCY, DEFAULT_VALIDITY_DAYS, addDays, todayIso } from '../quote-options';

// The editor's reactive form and its two-way mapping to the API contracts. Decimal amounts stay
// strings from the input to the body: a JS number never holds money.

const POSITIVE = /[1-9]/;

/** A rate the math can use: the contracts' shape, and not zero. */
export function isUsableRate(text: string): boolean {
  const value = normalizeDecimal(text);
  return RATE_PATTERN.test(value) && POSITIVE.test(value);
}

const positiveDecimal = (pattern: RegExp): ValidatorFn =>
  decimalValidator(pattern, { strictlyPositive: true });

const nn = <T>(value: T, validators: ValidatorFn[] = []) =>
  new FormControl<T>(value, { nonNullable: true, validators });

export function lineGroup(defaults: Partial<QuoteLineInput> = {}) {
  return new FormGroup({
    kind: nn<QuoteLineKind>(defaults.kind ?? 'freight'),
    description: nn(defaults.description ?? '', [Validators.required, Validators.maxLength(500)]),
    chargeTypeCode: nn(defaults.chargeTypeCode ?? '', [Validators.pattern(/^[A-Za-z0-9_-]{0,20}$/)]),
    quantity: nn(defaults.quantity ?? '1', [Validators.required, positiveDecimal(AMOUNT_PATTERN)]),
    unit: nn<QuoteLineUnit>(defaults.unit ?? 'shipment'),
    buyUnitPrice: nn(defaults.buyUnitPrice ?? '', [Validators.required, decimalValidator(AMOUNT_PATTERN)]),
    sellUnitPrice: nn(defaults.sellUnitPrice ?? '', [Validators.required, decimalValidator(AMOUNT_PATTERN)]),
    currency: nn(defaults.currency ?? BASE_CURRENCY, [Validators.required]),
    exchangeRate: nn(defaults.exchangeRate ?? '1', [Validators.required, positiveDecimal(RATE_PATTERN)]),
    vatRate: nn<VatRate>(defaults.vatRate ?? 19),
    isDisbursement: nn(defaults.isDisbursement ?? false),
  });
}
export type LineGroup = ReturnType<typeof lineGroup>;
export type LineValue = LineGroup['value'];

/** 45G1: the 40' high cube, the container most quotes ask for (ISO 6346, equipment list). */
export function containerGroup(type: ContainerType = '45G1', count = 1) {
  return new FormGroup({
    type: nn<ContainerType>(type, [Validators.required]),
    count: nn(count, [Validators.required, Validators.min(1), Validators.max(999)]),
  });
}

/** A location code, as the contract's LocationCodeSchema takes it (upper-cased on the way out). */
const LOCATION_CODE = /^(?:[A-Za-z]{2}[A-Za-z2-9]{3}|[A-Za-z]{3})?$/;

/**
 * Error key of a route point with neither a place code nor an address (the contract's
 * RoutePointSchema refuses it). Set on the code control, the one the API's error points at.
 */
export const ROUTE_POINT_ERROR = 'routePoint';

/** On a leg's code control: this code or the sibling address `addressName` must be given. */
function codeOrAddress(addressName: string): ValidatorFn {
  return (control) => {
    const address: unknown = control.parent?.get(addressName)?.value;
    const given = (value: unknown) => typeof value === 'string' && value.trim() !== '';
    return !control.parent || given(control.value) || given(address) ? null : { [ROUTE_POINT_ERROR]: true };
  };
}

const LEGS = ['origin', 'destination'] as const;

/** `assignedTo`: a new quote's assignees (the signed-in user, see currentUserAssignees). */
export function quoteForm(assignedTo: string[] = []) {
  const form = new FormGroup({
    partyKind: nn<'client' | 'lead'>('client'),
    clientId: new FormControl<string | null>(null),
    leadId: new FormControl<string | null>(null),
    contactId: new FormControl<string | null>(null),
    opportunityId: new FormControl<string | null>(null),
    title: nn('', [Validators.required, Validators.maxLength(200)]),
    mode: nn<TransportMode>('sea_fcl'),
    direction: nn<Traffic>('import'),
    incoterm: new FormControl<Incoterm | null>(null),
    incotermPlace: nn('', [Validators.maxLength(100)]),
    originCode: nn('', [Validators.pattern(LOCATION_CODE), codeOrAddress('originAddress')]),
    originAddress: nn('', [Validators.maxLength(500)]),
    destinationCode: nn('', [Validators.pattern(LOCATION_CODE), codeOrAddress('destinationAddress')]),
    destinationAddress: nn('', [Validators.maxLength(500)]),
    carrierCode: nn(''),
    commodity: nn('', [Validators.maxLength(500)]),
    packagesCount: new FormControl<number | null>(null, [Validators.min(0)]),
    grossWeightKg: nn('', [decimalValidator(AMOUNT_PATTERN)]),
    volumeM3: nn('', [decimalValidator(AMOUNT_PATTERN)]),
    containers: new FormArray<ReturnType<typeof containerGroup>>([]),
    transitTimeDays: new FormControl<number | null>(null, [Validators.min(0), Validators.max(365)]),
    validUntil: nn(addDays(todayIso(), DEFAULT_VALIDITY_DAYS), [Validators.required]),
    paymentTerms: nn('', [Validators.maxLength(500)]),
    conditions: nn('', [Validators.maxLength(5000)]),
    internalNotes: nn('', [Validators.maxLength(5000)]),
    currency: nn(BASE_CURRENCY, [Validators.required]),
    exchangeRate: nn('', [positiveDecimal(RATE_PATTERN)]),
    stampDutyApplies: nn(true),
    assignedTo: nn<string[]>(assignedTo),
    items: new FormArray<LineGroup>([]),
  });
  // The code's validator reads the address: run it now that the control has its parent, and again
  // whenever the address changes (typing an address clears the code's error).
  for (const leg of LEGS) {
    const code = form.controls[`${leg}Code`];
    code.updateValueAndValidity();
    form.controls[`${leg}Address`].valueChanges.subscribe(() => code.updateValueAndValidity());
  }
  return form;
}
export type QuoteForm = ReturnType<typeof quoteForm>;
export type QuoteFormValue = QuoteForm['value'];

/** What the shared math needs from a line (a débours is billed at cost: sell = buy). */
export function totalsInput(line: LineValue): QuoteTotalsLineInput {
  const buy = normalizeDecimal(line.buyUnitPrice);
  return {
    quantity: normalizeDecimal(line.quantity),
    buyUnitPrice: buy,
    sellUnitPrice: line.isDisbursement ? buy : normalizeDecimal(line.sellUnitPrice),
    exchangeRate: line.currency === BASE_CURRENCY ? null : decimalOrNull(line.exchangeRate),
    vatRate: line.isDisbursement ? 0 : (line.vatRate ?? 19),
    isDisbursement: line.isDisbursement ?? false,
  };
}

/** Whether the math can run on the line (it throws on a malformed decimal). */
export function lineComputable(line: QuoteTotalsLineInput): boolean {
  return (
    AMOUNT_PATTERN.test(line.quantity) &&
    POSITIVE.test(line.quantity) &&
    AMOUNT_PATTERN.test(line.buyUnitPrice) &&
    AMOUNT_PATTERN.test(line.sellUnitPrice) &&
    (line.exchangeRate == null || isUsableRate(line.exchangeRate))
  );
}

function lineBody(line: LineValue): QuoteLineInput {
  const input = totalsInput(line);
  return {
    kind: line.kind ?? 'freight',
    description: line.description?.trim() ?? '',
    chargeTypeCode: textOrNull(line.chargeTypeCode)?.toUpperCase() ?? null,
    quantity: input.quantity,
    unit: line.unit ?? 'shipment',
    buyUnitPrice: input.buyUnitPrice,
    sellUnitPrice: input.sellUnitPrice,
    currency: line.currency ?? BASE_CURRENCY,
    ...(input.exchangeRate ? { exchangeRate: input.exchangeRate } : {}),
    vatRate: input.vatRate as VatRate,
    isDisbursement: input.isDisbursement ?? false,
  };
}

/** The editable header + lines (what PATCH accepts; create adds the client or lead). */
function editableBody(v: QuoteFormValue): Omit<QuoteUpdate, 'version'> {
  const decimal = decimalOrNull;
  return {
    contactId: v.partyKind === 'client' ? (v.contactId ?? null) : null,
    opportunityId: v.opportunityId ?? null,
    title: v.title?.trim() ?? '',
    mode: v.mode ?? 'sea_fcl',
    direction: v.direction ?? 'import',
    incoterm: v.incoterm ?? null,
    incotermPlace: textOrNull(v.incotermPlace),
    origin: {
      locationCode: textOrNull(v.originCode)?.toUpperCase() ?? null,
      address: textOrNull(v.originAddress),
    },
    destination: {
      locationCode: textOrNull(v.destinationCode)?.toUpperCase() ?? null,
      address: textOrNull(v.destinationAddress),
    },
    carrierCode: textOrNull(v.carrierCode),
    commodity: textOrNull(v.commodity),
    packagesCount: v.packagesCount ?? null,
    grossWeightKg: decimal(v.grossWeightKg),
    volumeM3: decimal(v.volumeM3),
    containers: (v.containers ?? []).map((c) => ({ type: c.type ?? '45G1', count: Number(c.count ?? 1) })),
    transitTimeDays: v.transitTimeDays ?? null,
    validUntil: v.validUntil ?? todayIso(),
    paymentTerms: textOrNull(v.paymentTerms),
    conditions: textOrNull(v.conditions),
    internalNotes: textOrNull(v.internalNotes),
    currency: v.currency ?? BASE_CURRENCY,
    exchangeRate: v.currency === BASE_CURRENCY ? null : decimal(v.exchangeRate),
    stampDutyApplies: v.stampDutyApplies ?? true,
    assignedTo: v.assignedTo ?? [],
    items: (v.items ?? []).map(lineBody),
  };
}

/**
 * The contact to set once the client's contacts are known, or undefined to keep the field: one of
 * another client's is dropped, and a new quote starts with the client's primary contact (the job it
 * opens and the mail it sends name them); a saved quote without a contact keeps none.
 */
export function contactFor(
  contacts: readonly Pick<Contact, 'id' | 'isPrimary'>[],
  current: string | null,
  saved: boolean,
): string | null | undefined {
  if (current ? contacts.some((c) => c.id === current) : saved) return undefined;
  return contacts.find((c) => c.isPrimary)?.id ?? null;
}

/**
 * What a new quote takes from the opportunity it is made for: its title when none is typed, its
 * transport mode and traffic, and its origin and destination when they are place codes (free text
 * such as "Sfax" stays for the user to pin to a port).
 */
export function fromOpportunity(
  opportunity: Pick<Opportunity, 'title' | 'transportType' | 'traffic' | 'origin' | 'destination'>,
  current: Pick<QuoteFormValue, 'title' | 'originCode' | 'destinationCode'>,
): Partial<QuoteFormValue> {
  const code = (text: string | null | undefined, typed: string) => {
    const value = (text ?? '').trim().toUpperCase();
    return !typed && value && LOCATION_CODE.test(value) ? { code: value } : null;
  };
  const origin = code(opportunity.origin, current.originCode ?? '');
  const destination = code(opportunity.destination, current.destinationCode ?? '');
  return {
    ...((current.title ?? '').trim() ? {} : { title: opportunity.title }),
    ...(opportunity.transportType ? { mode: opportunity.transportType } : {}),
    ...(opportunity.traffic ? { direction: opportunity.traffic } : {}),
    ...(origin ? { originCode: origin.code } : {}),
    ...(destination ? { destinationCode: destination.code } : {}),
  };
}

export function createBody(v: QuoteFormValue): QuoteCreateInput {
  const link =
    v.partyKind === 'lead' ? { leadId: v.leadId ?? undefined } : { clientId: v.clientId ?? undefined };
  return { ...editableBody(v), ...link } as QuoteCreateInput;
}

export function updateBody(v: QuoteFormValue, version: number): QuoteUpdate {
  return { ...editableBody(v), version };
}

/**
 * Fills the form from a stored quote (lines included), decimals written the `lang` way
 * (decimalInput): prices keep their decimals, quantities, weight, volume and rates lose the padding.
 */
export function fillForm(form: QuoteForm, quote: Quote, lang: string): void {
  const measure = (value: string | null | undefined) => decimalInput(value, lang, { trimZeros: true });
  form.controls.items.clear();
  for (const line of [...quote.items].sort((a, b) => a.position - b.position)) {
    form.controls.items.push(
      lineGroup({
        ...line,
        chargeTypeCode: line.chargeTypeCode ?? '',
        quantity: measure(line.quantity),
        buyUnitPrice: decimalInput(line.buyUnitPrice, lang),
        sellUnitPrice: decimalInput(line.sellUnitPrice, lang),
        exchangeRate: measure(line.exchangeRate ?? '1'),
      }),
    );
  }
  form.controls.containers.clear();
  for (const c of quote.containers) form.controls.containers.push(containerGroup(c.type, c.count));
  form.patchValue({
    partyKind: quote.leadId ? 'lead' : 'client',
    clientId: quote.clientId ?? null,
    leadId: quote.leadId ?? null,
    contactId: quote.contactId ?? null,
    opportunityId: quote.opportunityId ?? null,
    title: quote.title,
    mode: quote.mode,
    direction: quote.direction,
    incoterm: quote.incoterm ?? null,
    incotermPlace: quote.incotermPlace ?? '',
    originCode: quote.origin.locationCode ?? '',
    originAddress: quote.origin.address ?? '',
    destinationCode: quote.destination.locationCode ?? '',
    destinationAddress: quote.destination.address ?? '',
    carrierCode: quote.carrierCode ?? '',
    commodity: quote.commodity ?? '',
    packagesCount: quote.packagesCount ?? null,
    grossWeightKg: measure(quote.grossWeightKg),
    volumeM3: measure(quote.volumeM3),
    transitTimeDays: quote.transitTimeDays ?? null,
    validUntil: quote.validUntil,
    paymentTerms: quote.paymentTerms ?? '',
    conditions: quote.conditions ?? '',
    internalNotes: quote.internalNotes ?? '',
    currency: quote.currency,
    exchangeRate: measure(quote.exchangeRate),
    stampDutyApplies: quote.stampDutyApplies,
    assignedTo: [...quote.assignedTo],
  });
}

/** API field path → form control path (the route points are flattened in the form). */
const HEADER_PATHS: Readonly<Record<string, string>> = {
  origin: 'originCode',
  'origin.locationCode': 'originCode',
  'origin.address': 'originAddress',
  destination: 'destinationCode',
  'destination.locationCode': 'destinationCode',
  'destination.address': 'destinationAddress',
};

/**
 * API errors the form words itself (translated), by field path: the contract's English message
 * ("give a port/airport code or an address") is the route point's only whole-object error.
 */
const KEYED_ERRORS: Readonly<Record<string, string>> = {
  origin: ROUTE_POINT_ERROR,
  destination: ROUTE_POINT_ERROR,
};

/**
 * Puts the API's `errors[]` on the matching controls (`items.0.sellUnitPrice` → that line's cell)
 * and returns those that match none (shown in a banner).
 */
export function applyQuoteErrors(form: QuoteForm, errors: readonly FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const path = HEADER_PATHS[error.field] ?? error.field;
    let control: AbstractControl | null = form.get(path);
    // `items.0` or `containers.1` alone: flag the row's first cell.
    if (control instanceof FormGroup) control = Object.values(control.controls)[0] ?? null;
    if (!control || control instanceof FormArray) {
      unmatched.push(error);
      continue;
    }
    const key = KEYED_ERRORS[error.field];
    control.setErrors({ ...control.errors, ...(key ? { [key]: true } : { [SERVER_ERROR]: error.message }) });
    control.markAsTouched();
  }
  return unmatched;
}

/** Paths of the invalid controls (`title`, `items.1.sellUnitPrice`), for the "fix these" note. */
export function invalidPaths(control: AbstractControl, prefix = ''): string[] {
  if (control.valid || control.disabled) return [];
  if (control instanceof FormGroup || control instanceof FormArray) {
    const children = Object.entries(control.controls as Record<string, AbstractControl>);
    const nested = children.flatMap(([key, child]) => invalidPaths(child, prefix ? `${prefix}.${key}` : key));
    return nested.length ? nested : [prefix || '(form)'];
  }
  return [prefix];
}

/**
 * Drops the API's errors from every control before the next save: the fix of a cross-field error
 * (two rates for one currency) is often made in another control than the one the API named.
 */
export function clearServerErrors(control: AbstractControl): void {
  if (control instanceof FormGroup || control instanceof FormArray) {
    for (const child of Object.values(control.controls as Record<string, AbstractControl>)) {
      clearServerErrors(child);
    }
  }
  if (control.hasError(SERVER_ERROR)) control.updateValueAndValidity({ emitEvent: false });
}
