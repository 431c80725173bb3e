import { Component, input } from '@angular/core';

/**
 * The top of a page: its title, the sentence that says what the page is for, and the page's
 * actions (projected, e.g. "New lead"), which wrap under the title on a narrow screen. Texts come
 * translated from the page; `headingId` lets the page's section point at its title:
 * `<section aria-labelledby="leads-title"><app-page-header headingId="leads-title"
 * [heading]="t('leads.title')" [intro]="t('leads.intro')">…buttons…</app-page-header>`.
 */
@Component({
  selector: 'app-page-header',
  template: `
    <header>
      <div>
        <h1 class="page-title" [id]="headingId()">{{ heading() }}</h1>
        <p class="page-intro">{{ intro() }}</p>
      </div>
      <div class="actions"><ng-content /></div>
    </header>
  `,
  styles: `
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 16px;
    }

    /* A long intro wraps beside the actions instead of pushing them under it; on a phone there is
       no room for 320px of text beside them, so they wrap below as before. */
    header > div:first-child {
      flex: 1 1 320px;
    }

    /* Wrapped under the intro (a phone), the buttons keep clear of the search field's label. */
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 8px;
    }
  `,
})
export class PageHeader {
  readonly headingId = input.required<string>();
  readonly heading = input.required<string>();
  readonly intro = input.required<string>();
}
