import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { loadAll } from './load-all';

describe('loadAll', () => {
  it('answers [] at once for no ids', async () => {
    expect(await firstValueFrom(loadAll([], (id) => of(id)))).toEqual([]);
  });

  it('loads every id, in order', async () => {
    expect(await firstValueFrom(loadAll(['a', 'b'], (id) => of(id.toUpperCase())))).toEqual(['A', 'B']);
  });
});
