import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';

import { LocalDatePipe } from '../ui/local-date.pipe';
import { PageHeader } from '../ui/page-header/page-header';
import { ListCard } from './list-card';
import { ListCell, ListColumn } from './table/list-column';
import { ListTable } from './table/list-table';
import { ListToolbar } from './filters/list-toolbar';

/**
 * What every list page's template uses — header, toolbar, card, table and its columns, buttons,
 * links, dates — as one entry of the page's `imports` (`imports: [LIST_PAGE, ListSelectFilter]`).
 */
export const LIST_PAGE = [
  ListCard,
  ListCell,
  ListColumn,
  ListTable,
  ListToolbar,
  LocalDatePipe,
  MatButtonModule,
  MatIconModule,
  PageHeader,
  RouterLink,
  TranslocoDirective,
] as const;
