import type { JobStatus, Traffic, TransportMode } from '@velosi/contracts';

/**
 * What the jobs export says for the codes, in its language: the very words of the SPA's jobs list
 * (apps/web/public/i18n jobs `status`, quotes `modes` and `directions`); jobs-csv.test.ts checks
 * they still agree.
 */
export const JOB_CSV_WORDS = {
  status: {
    fr: {
      open: 'Ouvert',
      booked: 'Réservé',
      in_transit: 'En transit',
      arrived: 'Arrivé',
      delivered: 'Livré',
      closed: 'Clôturé',
      cancelled: 'Annulé',
    },
    en: {
      open: 'Open',
      booked: 'Booked',
      in_transit: 'In transit',
      arrived: 'Arrived',
      delivered: 'Delivered',
      closed: 'Closed',
      cancelled: 'Cancelled',
    },
  },
  mode: {
    fr: {
      sea_fcl: 'Maritime FCL',
      sea_lcl: 'Maritime LCL',
      air: 'Aérien',
      air_express: 'Aérien express',
      road_ftl: 'Routier complet',
      road_ltl: 'Routier groupage',
    },
    en: {
      sea_fcl: 'Sea FCL',
      sea_lcl: 'Sea LCL',
      air: 'Air',
      air_express: 'Air express',
      road_ftl: 'Road FTL',
      road_ltl: 'Road LTL',
    },
  },
  direction: {
    fr: { import: 'Import', export: 'Export' },
    en: { import: 'Import', export: 'Export' },
  },
} as const satisfies {
  status: Record<'fr' | 'en', Record<JobStatus, string>>;
  mode: Record<'fr' | 'en', Record<TransportMode, string>>;
  direction: Record<'fr' | 'en', Record<Traffic, string>>;
};
