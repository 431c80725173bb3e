import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
// initdb and postgres refuse to run as root (CI runs as root): run them as this user then.
const UNPRIVILEGED_USER = process.env.PG_CLUSTER_USER ?? 'postgres';

/** A throw-away PostgreSQL cluster the test owns (temp dir, own port), so it can stop it at will. */
export interface PgCluster {
  port: number;
  url(database?: string): string;
  start(): Promise<void>;
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function asOwner(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['runuser', ['-u', UNPRIVILEGED_USER, '--', command, ...args]];
}

async function exec(command: string, args: string[]): Promise<void> {
  const [file, argv] = asOwner(join(BIN, command), args);
  await run(file, argv, { timeout: 60_000 });
}

export async function createCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'velosi-i13-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', UNPRIVILEGED_USER]);
    const { stdout: gid } = await run('id', ['-g', UNPRIVILEGED_USER]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  await exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () =>
      exec('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '30', 'start']),
    stop: (mode) => exec('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']),
    destroy: async () => {
      await cluster.stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
