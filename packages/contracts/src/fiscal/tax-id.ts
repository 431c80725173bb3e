import { z } from 'zod';

/**
 * Tunisian matricule fiscal (docs/rules.md, "Clients' fiscal data"): 7 digits, a check letter,
 * then the VAT code (A, B, D, N, P), the category (M, P, C, N, E) and a 3-digit establishment
 * number — `1234567A/A/M/000`. Typed with or without separators, stored in that slashed form.
 */
const COMPACT_MATRICULE = /^(\d{7})([A-Z])([ABDNP])([MPCNE])(\d{3})$/;

export const MATRICULE_FORMAT_MESSAGE = 'expected a Tunisian matricule fiscal such as 1234567A/A/M/000';

/** The slashed upper-case form of a matricule fiscal, or `null` when the value is not one. */
export function normaliseMatricule(value: string): string | null {
  const compact = value.toUpperCase().replace(/[\s/.-]+/g, '');
  const m = COMPACT_MATRICULE.exec(compact);
  return m ? `${m[1]}${m[2]}/${m[3]}/${m[4]}/${m[5]}` : null;
}

/** A matricule fiscal on its own (the company settings, a Tunisian client's tax id). */
export const MatriculeSchema = z
  .string()
  .trim()
  .refine((v) => normaliseMatricule(v) !== null, MATRICULE_FORMAT_MESSAGE)
  .overwrite((v) => normaliseMatricule(v) ?? v);
