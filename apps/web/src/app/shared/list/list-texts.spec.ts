import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { appTransloco } from '../../core/i18n/app-transloco.testing';
import { LIST_TEXTS } from './list-texts';

/** The app's Transloco over the real translation files (read from public/, not fetched). */
const transloco = () =>
  appTransloco((url) => of(JSON.parse(readFileSync(resolve(__dirname, '../../../../public', url), 'utf8'))));

/** What the list card and toolbar render by default: the keys in the `sales` scope they provide. */
async function defaults(lang: 'fr' | 'en') {
  const service = transloco();
  await firstValueFrom(service.load(`sales/${lang}`));
  return {
    search: service.translate(LIST_TEXTS.search, {}, lang),
    loading: service.translate(LIST_TEXTS.loading, {}, lang),
    error: service.translate(LIST_TEXTS.error, { status: 503 }, lang),
    pagination: service.translate(LIST_TEXTS.pagination, {}, lang),
  };
}

describe('the list pieces’ default texts', () => {
  it('are the texts the sales list pages passed, in French', async () => {
    expect(await defaults('fr')).toEqual({
      search: 'Rechercher',
      loading: 'Chargement…',
      error: 'La liste n’a pas pu être chargée (HTTP 503).',
      pagination: 'Pagination',
    });
  });

  it('are the texts the sales list pages passed, in English', async () => {
    expect(await defaults('en')).toEqual({
      search: 'Search',
      loading: 'Loading…',
      error: 'The list could not be loaded (HTTP 503).',
      pagination: 'Pagination',
    });
  });
});
