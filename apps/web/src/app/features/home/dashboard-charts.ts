import type { ChartConfiguration } from 'chart.js';
import type { Dashboard, SalesDashboard } from '@velosi/contracts';

/** Chart colours from the brand palette, readable on light and dark surfaces. */
const PALETTE = ['#0b4f8a', '#f39200', '#2e7d32', '#c62828', '#6a1b9a', '#00838f', '#8d6e63'];
const STATUS_COLOURS: Record<string, string> = {
  draft: '#90a4ae',
  sent: '#0b4f8a',
  accepted: '#2e7d32',
  rejected: '#c62828',
  cancelled: '#6d4c41',
  expired: '#f39200',
  superseded: '#7e57c2',
};

type Label = (key: string) => string;

/** Quotes created in the period by status (bars: each one opens the quote list filtered by it). */
export function quotesByStatusChart(sales: SalesDashboard, label: Label): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: sales.quotesByStatus.map((s) => label(`status.${s.status}`)),
      datasets: [
        {
          label: label('charts.quotes'),
          data: sales.quotesByStatus.map((s) => s.count),
          backgroundColor: sales.quotesByStatus.map((s) => STATUS_COLOURS[s.status] ?? PALETTE[0]),
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}

/** Accepted revenue (bars) and margin (line) per month, TND. */
export function monthlyChart(
  sales: SalesDashboard,
  label: Label,
  monthName: (m: string) => string,
): ChartConfiguration {
  const datasets: ChartConfiguration<'bar' | 'line'>['data']['datasets'] = [
    {
      type: 'bar',
      label: label('charts.revenue'),
      data: sales.monthly.map((m) => Number(m.revenueTnd)),
      backgroundColor: PALETTE[0],
    },
  ];
  if (sales.monthly.every((m) => m.marginTnd !== null)) {
    datasets.push({
      type: 'line',
      label: label('charts.margin'),
      data: sales.monthly.map((m) => Number(m.marginTnd)),
      borderColor: PALETTE[1],
      backgroundColor: PALETTE[1],
    });
  }
  return {
    type: 'bar',
    data: { labels: sales.monthly.map((m) => monthName(m.month)), datasets },
    options: { scales: { y: { beginAtZero: true } } },
  } as ChartConfiguration;
}

/** Open pipeline by stage: raw value and weighted by probability, TND. */
export function pipelineChart(sales: SalesDashboard, label: Label): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: sales.pipeline.map((p) => label(`stage.${p.stage}`)),
      datasets: [
        {
          label: label('charts.pipelineValue'),
          data: sales.pipeline.map((p) => Number(p.valueTnd)),
          backgroundColor: PALETTE[0],
        },
        {
          label: label('charts.pipelineWeighted'),
          data: sales.pipeline.map((p) => Number(p.weightedTnd)),
          backgroundColor: PALETTE[1],
        },
      ],
    },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } },
  };
}

/** Accepted revenue by transport mode (doughnut). */
export function modesChart(sales: SalesDashboard, label: Label): ChartConfiguration {
  return {
    type: 'doughnut',
    data: {
      labels: sales.modes.map((m) => label(`mode.${m.mode}`)),
      datasets: [{ data: sales.modes.map((m) => Number(m.revenueTnd)), backgroundColor: PALETTE }],
    },
    options: { plugins: { legend: { position: 'bottom' } } },
  };
}

/** Open job files by status (OPERATIONS, FINANCE, ADMIN). */
export function jobsChart(
  operations: NonNullable<Dashboard['operations']>,
  label: Label,
): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: operations.openJobs.map((j) => label(`jobStatus.${j.status}`)),
      datasets: [
        {
          label: label('charts.jobs'),
          data: operations.openJobs.map((j) => j.count),
          backgroundColor: PALETTE[5],
        },
      ],
    },
    options: {
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
}
