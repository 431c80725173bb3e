import type { AgeingBuckets } from '@velosi/contracts';
import type { ChartConfiguration } from 'chart.js';

/** The ageing buckets in display order: not due first, then older and older. */
export const AGEING_BUCKETS = [
  'notDueTnd',
  'days0to30Tnd',
  'days31to60Tnd',
  'days61to90Tnd',
  'over90Tnd',
] as const satisfies readonly (keyof AgeingBuckets)[];
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** Green (not due) to dark red (> 90 days): the older the debt, the louder the colour. */
const BUCKET_COLOURS: Readonly<Record<AgeingBucket, string>> = {
  notDueTnd: '#2e7d32',
  days0to30Tnd: '#f9a825',
  days31to60Tnd: '#f39200',
  days61to90Tnd: '#d84315',
  over90Tnd: '#b71c1c',
};

/**
 * The bucket of an invoice `daysPastDue` days past its due date, as the API sums them
 * (apps/api/src/receivables/receivables.repository.ts): due today counts as not due yet.
 */
export function bucketOf(daysPastDue: number): AgeingBucket {
  if (daysPastDue <= 0) return 'notDueTnd';
  if (daysPastDue <= 30) return 'days0to30Tnd';
  if (daysPastDue <= 60) return 'days31to60Tnd';
  if (daysPastDue <= 90) return 'days61to90Tnd';
  return 'over90Tnd';
}

/**
 * Bars of the open balance per bucket (TND). chart.js draws numbers, so the exact decimal strings
 * become numbers here, for the bar heights only; the amounts shown as text stay the API's strings.
 */
export function ageingChart(
  buckets: AgeingBuckets,
  label: (bucket: AgeingBucket) => string,
): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: AGEING_BUCKETS.map(label),
      datasets: [
        {
          label: 'TND',
          data: AGEING_BUCKETS.map((bucket) => Number(buckets[bucket])),
          backgroundColor: AGEING_BUCKETS.map((bucket) => BUCKET_COLOURS[bucket]),
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true } },
    },
  };
}
