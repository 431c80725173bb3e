import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const APP = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(APP, 'dist/main.js');

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

function run(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('the built server (dist/main.js)', () => {
  beforeAll(() => {
    // Build when dist is missing or older than the sources, so the test runs what ships.
    if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(join(APP, 'src'))) {
      const tsc = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
      const build = spawnSync(process.execPath, [tsc, '-p', join(APP, 'tsconfig.json')], {
        encoding: 'utf8',
      });
      expect(build.status, build.stdout + build.stderr).toBe(0);
    }
  });

  it('refuses to start with NODE_ENV=production', async () => {
    const { code, stderr } = await run({
      NODE_ENV: 'production',
      IDP_PORT: '0',
      IDP_DATA_DIR: join(APP, '.data/never'),
    });
    expect(code).toBe(1);
    expect(stderr).toContain('must not run with NODE_ENV=production');
    expect(existsSync(join(APP, '.data/never'))).toBe(false);
  });

  it('exits with a clear message on a bad configuration', async () => {
    const { code, stderr } = await run({ NODE_ENV: 'development', IDP_PORT: 'not-a-port' });
    expect(code).toBe(1);
    expect(stderr).toContain('IDP_PORT');
  });
});
