import type {
  Agent,
  Airline,
  ChargeType,
  Client,
  Equipment,
  Haulier,
  Lead,
  Location,
  Opportunity,
  ShippingLine,
  Supplier,
  TransportMode,
  Vessel,
} from '@velosi/contracts';

/** What a picker can pick: sales records (by id) and reference rows (by code). */
export type PickableKind =
  | 'clients'
  | 'leads'
  | 'opportunities'
  | 'locations'
  | 'shipping-lines'
  | 'airlines'
  | 'hauliers'
  | 'equipment'
  | 'charge-types'
  | 'vessels'
  | 'agents'
  | 'suppliers';

/** A row of any source; each source reads only its own fields. */
export type PickableRecord =
  | Client
  | Lead
  | Opportunity
  | Location
  | ShippingLine
  | Airline
  | Haulier
  | Equipment
  | ChargeType
  | Vessel
  | Agent
  | Supplier;

/**
 * How a picker reads one kind: `GET /api/<kind>?q=` searches it; `valueOf` is what the form control
 * holds (a sales record's id, a reference row's code); `labelOf` is what is shown ("Radès (TNRDS)").
 */
export interface PickerSource<T extends PickableRecord = PickableRecord> {
  /** Reference rows are found again by their code with `?q=<code>`; sales records by `/:id`. */
  readonly byCode: boolean;
  valueOf(record: T): string;
  labelOf(record: T, lang: string): string;
}

const byId = <T extends PickableRecord & { id: string }>(label: (r: T) => string): PickerSource<T> => ({
  byCode: false,
  valueOf: (r) => r.id,
  labelOf: label,
});

/** "Name (CODE)": the house way of naming a coded row on every page (docs/rules.md). */
const named = <T extends PickableRecord & { code: string }>(
  name: (r: T, lang: string) => string,
): PickerSource<T> => ({
  byCode: true,
  valueOf: (r) => r.code,
  labelOf: (r, lang) => `${name(r, lang)} (${r.code})`,
});

const SOURCES: { [K in PickableKind]: PickerSource } = {
  clients: byId<Client>((c) => c.name) as PickerSource,
  leads: byId<Lead>((l) => (l.company ? `${l.fullName} — ${l.company}` : l.fullName)) as PickerSource,
  opportunities: byId<Opportunity>((o) => o.title) as PickerSource,
  locations: named<Location>((l) =>
    l.city && l.city !== l.name ? `${l.name}, ${l.city}` : l.name,
  ) as PickerSource,
  'shipping-lines': named<ShippingLine>((s) => s.name) as PickerSource,
  airlines: named<Airline>((a) => a.name) as PickerSource,
  hauliers: named<Haulier>((h) => h.name) as PickerSource,
  equipment: named<Equipment>((e, lang) => (lang === 'en' ? e.labelEn : e.labelFr)) as PickerSource,
  'charge-types': named<ChargeType>((c, lang) => (lang === 'en' ? c.labelEn : c.labelFr)) as PickerSource,
  // A vessel is known by its IMO number (what a job stores); `?q=` searches names and IMO numbers.
  vessels: {
    byCode: true,
    valueOf: (v) => (v as Vessel).imo,
    labelOf: (v) => `${(v as Vessel).name} (IMO ${(v as Vessel).imo})`,
  },
  agents: named<Agent>((a) => (a.city ? `${a.name}, ${a.city}` : a.name)) as PickerSource,
  suppliers: named<Supplier>((s) => s.name) as PickerSource,
};

export function pickerSource(kind: PickableKind): PickerSource {
  return SOURCES[kind];
}

/** Who carries a quote of this mode: a shipping line (sea), an airline (air) or a haulier (road). */
export function carrierKind(mode: TransportMode | null | undefined): PickableKind {
  if (mode?.startsWith('air')) return 'airlines';
  if (mode?.startsWith('road')) return 'hauliers';
  return 'shipping-lines';
}
