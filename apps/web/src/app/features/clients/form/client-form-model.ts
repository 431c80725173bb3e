import { NonNullableFormBuilder, Validators } from '@angular/forms';
import type {
  AddressKind,
  Client,
  ClientAddress,
  ClientCategory,
  ClientCreateInput,
  ClientType,
  DocumentLanguage,
  VatRegime,
} from '@velosi/contracts';

import { currentUserAssignees } from '../../../shared/fields/assignees-field';
import { decimalInput, decimalOrNull, decimalValidator } from '../../../shared/forms/decimal';
import { AMOUNT_PATTERN, textOrNull } from '../../../shared/sales/form-problem';

/** One extra address of the form (billing, pickup, delivery). */
export function addressGroup(fb: NonNullableFormBuilder, a?: ClientAddress) {
  return fb.group({
    kind: [(a?.kind ?? 'billing') as AddressKind],
    label: [a?.label ?? '', [Validators.maxLength(100)]],
    street: [a?.street ?? '', [Validators.required, Validators.maxLength(500)]],
    postalCode: [a?.postalCode ?? '', [Validators.maxLength(20)]],
    city: [a?.city ?? '', [Validators.maxLength(100)]],
    country: [a?.country ?? 'TN', [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
  });
}
export type AddressForm = ReturnType<typeof addressGroup>;

/**
 * The client form, one control per API field (so the API's field errors land on them): identity,
 * fiscal, finance/bank and the extra addresses. The API checks the formats (matricule fiscal,
 * IBAN/RIB keys, SWIFT); the form only bounds lengths. The credit limit is written the `lang` way
 * (decimalInput).
 */
export function clientForm(fb: NonNullableFormBuilder, c: Client | null, lang: string) {
  return fb.group({
    name: [c?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    fiscalId: [c?.fiscalId ?? '', [Validators.maxLength(50)]],
    address: [c?.address ?? '', [Validators.maxLength(500)]],
    city: [c?.city ?? '', [Validators.maxLength(100)]],
    country: [c?.country ?? 'TN', [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
    currency: [c?.currency ?? 'TND'],
    language: [(c?.language ?? 'fr') as DocumentLanguage],
    assignedTo: [[...(c?.assignedTo ?? currentUserAssignees())]],
    legalName: [c?.legalName ?? '', [Validators.maxLength(200)]],
    category: [(c?.category ?? '') as ClientCategory | ''],
    clientType: [(c?.clientType ?? '') as ClientType | ''],
    customsCode: [c?.customsCode ?? '', [Validators.maxLength(30)]],
    industry: [c?.industry ?? '', [Validators.maxLength(100)]],
    phone: [c?.phone ?? '', [Validators.maxLength(30)]],
    email: [c?.email ?? '', [Validators.maxLength(254), Validators.email]],
    website: [c?.website ?? '', [Validators.maxLength(200)]],
    vatRegime: [(c?.vatRegime ?? 'subject') as VatRegime],
    vatSuspensionNumber: [c?.vatSuspensionNumber ?? '', [Validators.maxLength(50)]],
    vatSuspensionIssuedOn: [c?.vatSuspensionIssuedOn ?? ''],
    vatSuspensionExpiresOn: [c?.vatSuspensionExpiresOn ?? ''],
    stampDutyExempt: [c?.stampDutyExempt ?? false],
    paymentTermsDays: [
      c?.paymentTermsDays?.toString() ?? '',
      [Validators.pattern(/^\d{0,3}$/), Validators.max(365)],
    ],
    paymentTermsEndOfMonth: [c?.paymentTermsEndOfMonth ?? false],
    creditLimit: [decimalInput(c?.creditLimit, lang), decimalValidator(AMOUNT_PATTERN)],
    blocked: [c?.blocked ?? false],
    blockedReason: [c?.blockedReason ?? '', [Validators.maxLength(500)]],
    bankName: [c?.bankName ?? '', [Validators.maxLength(100)]],
    bankAccount: [c?.bankAccount ?? '', [Validators.maxLength(40)]],
    swift: [c?.swift ?? '', [Validators.maxLength(11)]],
    accountingAccount: [c?.accountingAccount ?? '', [Validators.maxLength(20)]],
    addresses: fb.array((c?.addresses ?? []).map((a) => addressGroup(fb, a))),
  });
}
export type ClientForm = ReturnType<typeof clientForm>;

/**
 * The API body of the form. Credit limit and blocking are ADMIN's (the API answers 403 to anyone
 * else sending them), so they are left out of other users' bodies.
 */
export function clientBody(form: ClientForm, isAdmin: boolean): ClientCreateInput {
  const v = form.getRawValue();
  const dateOrNull = (d: string) => (d ? d : null);
  return {
    name: v.name.trim(),
    fiscalId: textOrNull(v.fiscalId),
    address: textOrNull(v.address),
    city: textOrNull(v.city),
    country: v.country,
    currency: v.currency,
    language: v.language,
    assignedTo: v.assignedTo,
    legalName: textOrNull(v.legalName),
    category: v.category || null,
    clientType: v.clientType || null,
    customsCode: textOrNull(v.customsCode),
    industry: textOrNull(v.industry),
    phone: textOrNull(v.phone),
    email: textOrNull(v.email),
    website: textOrNull(v.website),
    vatRegime: v.vatRegime,
    vatSuspensionNumber: textOrNull(v.vatSuspensionNumber),
    vatSuspensionIssuedOn: dateOrNull(v.vatSuspensionIssuedOn),
    vatSuspensionExpiresOn: dateOrNull(v.vatSuspensionExpiresOn),
    stampDutyExempt: v.stampDutyExempt,
    paymentTermsDays: v.paymentTermsDays === '' ? null : Number(v.paymentTermsDays),
    paymentTermsEndOfMonth: v.paymentTermsEndOfMonth,
    bankName: textOrNull(v.bankName),
    bankAccount: textOrNull(v.bankAccount),
    swift: textOrNull(v.swift),
    accountingAccount: textOrNull(v.accountingAccount),
    addresses: v.addresses.map((a) => ({
      kind: a.kind,
      label: textOrNull(a.label),
      street: a.street.trim(),
      postalCode: textOrNull(a.postalCode),
      city: textOrNull(a.city),
      country: a.country,
    })),
    ...(isAdmin
      ? {
          creditLimit: decimalOrNull(v.creditLimit),
          blocked: v.blocked,
          blockedReason: textOrNull(v.blockedReason),
        }
      : {}),
  };
}
