import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * One JSON document on disk, written atomically (temp file + rename, so a crash never leaves half a
 * file) and serially. Writes requested while one is in flight are coalesced into the next one,
 * which serialises the latest in-memory state; every caller's promise resolves once a write that
 * includes its change is on disk.
 */
export class JsonFile<T> {
  private scheduled: Promise<void> | undefined;
  private tail: Promise<void> = Promise.resolve();
  private counter = 0;

  constructor(
    readonly path: string,
    private readonly snapshot: () => T,
  ) {}

  static async read<T>(path: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  write(): Promise<void> {
    if (!this.scheduled) {
      const next = this.tail.then(async () => {
        this.scheduled = undefined;
        await this.writeNow(JSON.stringify(this.snapshot()));
      });
      this.scheduled = next;
      this.tail = next.catch(() => undefined);
    }
    return this.scheduled;
  }

  private async writeNow(text: string): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.${++this.counter}.tmp`;
    // 0600: these files hold signing keys, password hashes and live tokens.
    await writeFile(temp, text, { mode: 0o600 });
    await rename(temp, this.path);
  }
}
