import {
  Component,
  ElementRef,
  type OnDestroy,
  effect,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';

/**
 * One chart.js canvas (the dashboard's charts, the receivables' ageing). The library is imported
 * on first use (`import('chart.js')`), so it is a chunk of its own, fetched when a page draws its
 * first chart — never part of the initial bundle. A click on a bar or slice emits its index (the
 * page turns it into a filtered list).
 */
@Component({
  selector: 'app-lazy-chart',
  template: `
    <div class="chart-box" [style.height.px]="height()">
      <canvas #canvas role="img" [attr.aria-label]="label()"></canvas>
    </div>
    @if (failed()) {
      <p class="chart-error" role="alert">{{ label() }}</p>
    }
  `,
  styles: `
    .chart-box {
      position: relative;
      width: 100%;
    }
  `,
})
export class LazyChart implements OnDestroy {
  readonly config = input.required<ChartConfiguration>();
  /** Accessible name of the canvas (the data is also given as text next to it). */
  readonly label = input.required<string>();
  readonly height = input(220);
  /** Language of the page: chart.js formats axis ticks and tooltips with it (1 234 in French). */
  readonly locale = input('fr');
  readonly segmentClick = output<number>();
  protected readonly failed = signal(false);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart | undefined;

  constructor() {
    effect(() => {
      const config = this.config();
      void this.draw(config, this.locale());
    });
  }

  private async draw(config: ChartConfiguration, locale: string): Promise<void> {
    try {
      const { Chart, registerables } = await import('chart.js');
      Chart.register(...registerables);
      this.chart?.destroy();
      this.chart = new Chart(this.canvas().nativeElement, {
        ...config,
        options: {
          ...config.options,
          locale,
          responsive: true,
          // Segment positions are final once the opening animation is over.
          animation: {
            ...(config.options?.animation || {}),
            onComplete: ({ chart }) => this.exposeSegments(chart),
          },
          maintainAspectRatio: false,
          onClick: (_event, elements) => {
            const [first] = elements;
            if (first) this.segmentClick.emit(first.index);
          },
          onHover: (event, elements) => {
            const target = event.native?.target as HTMLElement | null;
            if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
          },
        },
      });
      // Final positions (tooltipPosition(true)); refreshed once the animation has ended.
      this.exposeSegments(this.chart);
    } catch {
      this.failed.set(true);
    }
  }

  /**
   * Where each bar or slice of the first data set is drawn (canvas pixels), on the canvas as
   * `data-segments`: lets a browser test click a given segment as a user would.
   */
  private exposeSegments(chart: Chart): void {
    const points = chart.getDatasetMeta(0).data;
    const centres = points.map((point) => {
      const { x, y } = point.tooltipPosition(true);
      return [Math.round(x ?? 0), Math.round(y ?? 0)];
    });
    this.canvas().nativeElement.dataset['segments'] = JSON.stringify(centres);
  }

  ngOnDestroy(): void {
    this.chart?.destroy();
  }
}
