import type { FieldChange, TimelineAuditItem } from '@velosi/contracts';

import { AuditPart, CODE, Lookup, codeWord } from '../../audit/field-words';

/** Which part an entry is about, and what changed on it. */
export interface PartChanges {
  /** The part as a person names it: the container's number, the line's label, the milestone. */
  readonly name: string | null;
  readonly changes: readonly FieldChange[];
}

/**
 * Bookkeeping of a part (its ids, version, dates of the row) and values derived from others: a
 * line's TND amount follows its quantity, price and rate, its supplier's name is listed instead of
 * the code the line keeps, the person who recorded a milestone is the entry's actor.
 */
const PART_NOISE = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'recordedBy',
  'quoteLineId',
  'amountTnd',
  'supplierCode',
]);

/**
 * The part an entry wrote, named as the API sent it (`subject`: a code such as a milestone's kind
 * is said in words), and its changed fields (an edit's; an addition or a removal is said by its
 * title and the part's name alone).
 */
export function partChanges(
  item: TimelineAuditItem,
  entity: string,
  part: AuditPart,
  translate: Lookup,
): PartChanges {
  const raw = item.subject;
  const name = raw
    ? CODE.test(raw)
      ? (codeWord(translate, entity, part.nameField, raw, part) ?? raw)
      : raw
    : null;
  return { name, changes: item.changes.filter((c) => !PART_NOISE.has(c.field)) };
}
