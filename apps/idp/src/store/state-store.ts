import { join } from 'node:path';
import { JsonFile } from './json-file.js';

type Value = Record<string, unknown>;

interface Entry {
  value: Value;
  /** epoch ms; absent = no expiry */
  expiresAt?: number;
}

type Document = Record<string, Record<string, Entry>>;

/**
 * Expiring key/value records grouped by kind (oidc-provider models such as Session, Grant,
 * RefreshToken, plus our own user sessions), kept in memory and persisted to one JSON file so that
 * a restart keeps sessions and refresh tokens. Expired records are dropped lazily.
 */
export class StateStore {
  private readonly kinds = new Map<string, Map<string, Entry>>();
  private readonly file: JsonFile<Document>;

  private constructor(
    path: string,
    private readonly now: () => number,
  ) {
    this.file = new JsonFile(path, () => this.snapshot());
  }

  static async open(dataDir: string, now: () => number = Date.now): Promise<StateStore> {
    const store = new StateStore(join(dataDir, 'oidc-state.json'), now);
    const saved = await JsonFile.read<Document>(store.file.path);
    for (const [kind, entries] of Object.entries(saved ?? {})) {
      store.kinds.set(kind, new Map(Object.entries(entries)));
    }
    return store;
  }

  private bucket(kind: string): Map<string, Entry> {
    let bucket = this.kinds.get(kind);
    if (!bucket) {
      bucket = new Map();
      this.kinds.set(kind, bucket);
    }
    return bucket;
  }

  private alive(entry: Entry | undefined): entry is Entry {
    return entry !== undefined && (entry.expiresAt === undefined || entry.expiresAt > this.now());
  }

  get(kind: string, id: string): Value | undefined {
    const entry = this.kinds.get(kind)?.get(id);
    return this.alive(entry) ? entry.value : undefined;
  }

  /** Live records of a kind, as [id, value] pairs. */
  list(kind: string): [string, Value][] {
    return [...(this.kinds.get(kind) ?? new Map<string, Entry>()).entries()]
      .filter(([, entry]) => this.alive(entry))
      .map(([id, entry]) => [id, entry.value]);
  }

  put(kind: string, id: string, value: Value, ttlSeconds?: number): Promise<void> {
    this.bucket(kind).set(id, {
      value,
      expiresAt: ttlSeconds === undefined ? undefined : this.now() + ttlSeconds * 1000,
    });
    return this.file.write();
  }

  remove(kind: string, id: string): Promise<void> {
    return this.kinds.get(kind)?.delete(id) ? this.file.write() : Promise.resolve();
  }

  /** Removes every record of `kind` matching `predicate`; one write for all of them. */
  removeWhere(kind: string, predicate: (value: Value) => boolean): Promise<void> {
    const bucket = this.kinds.get(kind);
    let removed = false;
    for (const [id, entry] of bucket ?? []) {
      if (predicate(entry.value)) removed = bucket!.delete(id) || removed;
    }
    return removed ? this.file.write() : Promise.resolve();
  }

  flush(): Promise<void> {
    return this.file.write();
  }

  private snapshot(): Document {
    const document: Document = {};
    for (const [kind, bucket] of this.kinds) {
      const live = [...bucket.entries()].filter(([, entry]) => this.alive(entry));
      if (live.length > 0) document[kind] = Object.fromEntries(live);
    }
    return document;
  }
}
