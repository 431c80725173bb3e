import { VesselCreateSchema } from '@velosi/contracts';
import { inArray } from 'drizzle-orm';
import type { RecordTable } from '../../common/records/repository.js';
import type { DemoSeedStep } from '../../demo/seed.js';
import type { ReferenceService } from '../framework/reference.service.js';
import { shippingLines, vessels } from './carriers.table.js';

/**
 * Ships of the starter shipping lines calling at Radès and Sfax (invented names; the IMO numbers
 * only have valid check digits). "CMA CGM Tanger" is the vessel of the demo's Marseille quotes
 * and jobs, so their transport tab finds it in the list.
 */
const DEMO_VESSELS = [
  { name: 'CMA CGM Tanger', imo: '9074729', flag: 'MT', scac: 'CMDU' },
  { name: 'CMA CGM Bizerte', imo: '9354129', flag: 'FR', scac: 'CMDU' },
  { name: 'MSC Carthage', imo: '9465837', flag: 'PA', scac: 'MSCU' },
  { name: 'Maersk Kerkennah', imo: '9722144', flag: 'DK', scac: 'MAEU' },
  { name: 'Hapag Djerba Express', imo: '9833010', flag: 'DE', scac: 'HLCU' },
] as const;

/**
 * Demo seed step (registered in demo/demo-steps.ts): a few vessels, so an operations user picks the
 * ship of a sea job from the list. Global data, written once with the first commercial through the
 * vessels reference service (validated and audited like an admin's entry); an IMO number already
 * listed is left as it is.
 */
export function vesselSeedStep(
  service: ReferenceService<RecordTable, Record<string, unknown>, string>,
): DemoSeedStep {
  return async (ctx) => {
    if (ctx.index > 0) return { vessels: 0 };
    const listed = await ctx.tx
      .select({ imo: vessels.imo })
      .from(vessels)
      .where(
        inArray(
          vessels.imo,
          DEMO_VESSELS.map((v) => v.imo),
        ),
      );
    const taken = new Set(listed.map((row) => row.imo));
    const lines = await ctx.tx
      .select({ id: shippingLines.id, scac: shippingLines.scac })
      .from(shippingLines)
      .where(
        inArray(
          shippingLines.scac,
          DEMO_VESSELS.map((v) => v.scac),
        ),
      );
    const lineOf = new Map(lines.map((line) => [line.scac, line.id]));
    let written = 0;
    for (const { name, imo, flag, scac } of DEMO_VESSELS) {
      if (taken.has(imo)) continue;
      const shippingLineId = lineOf.get(scac) ?? null;
      await service.insert(ctx.tx, ctx.actor, VesselCreateSchema.parse({ name, imo, flag, shippingLineId }));
      written += 1;
    }
    return { vessels: written };
  };
}
