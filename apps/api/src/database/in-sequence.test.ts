import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../common/logger.js';
import { openDatabase } from './connection.js';
import type { DatabaseHandle } from './database.types.js';
import { allOn, inSequence } from './in-sequence.js';

/** Thunks that log when each starts and ends, each ending a tick later, with its own result. */
function recorded(log: string[], names: readonly string[]): (() => Promise<string>)[] {
  return names.map((name) => async () => {
    log.push(`start ${name}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    log.push(`end ${name}`);
    return name.toUpperCase();
  });
}

describe('inSequence', () => {
  it('starts each query once the previous one ended and returns the results in order', async () => {
    const log: string[] = [];
    expect(await inSequence(recorded(log, ['a', 'b', 'c']))).toEqual(['A', 'B', 'C']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps each result its own type, and stops at the first failure', async () => {
    const [n, s] = await inSequence([async () => 1, async () => 'two']);
    expect([n + 1, s.length]).toEqual([2, 3]);
    const log: string[] = [];
    const failing = async () => {
      throw new Error('refused');
    };
    await expect(inSequence([failing, ...recorded(log, ['never'])])).rejects.toThrow('refused');
    expect(log).toEqual([]);
  });
});

describe('allOn', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase(
      { kind: 'pglite', dataDir: 'memory://' },
      createLogger({ logLevel: 'silent' }),
    );
  });
  afterAll(() => database.close());

  it('runs the queries at once on the database, one after the other in a transaction', async () => {
    const onPool: string[] = [];
    expect(await allOn(database.db, recorded(onPool, ['a', 'b']))).toEqual(['A', 'B']);
    expect(onPool).toEqual(['start a', 'start b', 'end a', 'end b']);

    const inTransaction: string[] = [];
    const results = await database.db.transaction((tx) => allOn(tx, recorded(inTransaction, ['a', 'b'])));
    expect(results).toEqual(['A', 'B']);
    expect(inTransaction).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
