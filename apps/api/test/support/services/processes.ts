import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject, onTestFinished } from 'vitest';
import { UNLIMITED_BUDGETS } from '../test-app.js';

export const API_DIR = fileURLToPath(new URL('../../..', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the base URL once Fastify logs "Server listening at …". */
  listening: Promise<string>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Throws (failing the calling test) when the global setup could not build dist. */
export function requireBuiltApi(): void {
  const error = inject('apiBuildError');
  if (error) throw new Error(`dist could not be built, so the built API cannot be run:\n${error}`);
}

/** Runs the built API (`dist/main.js`, built by the vitest global setup) as a real child process. */
export function spawnApi(env: Record<string, string>, entry = 'dist/main.js'): ApiProcess {
  requireBuiltApi();
  const child = spawn(process.execPath, [entry], {
    cwd: API_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      OIDC_ISSUER_URL: inject('identityIssuer'),
      ...UNLIMITED_BUDGETS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test that fails before stopping its API must not leave it running (holding PGlite or a DB).
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        stdout.push(line);
        const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`API exited (${code}) before listening: ${stderr.join('')}`)),
    );
  });
  listening.catch(() => undefined); // callers that only await `exited` must not see an unhandled rejection
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, stdout, stderr, listening, exited };
}

/** Polls until `url` answers 200, returning the milliseconds it took since `since`. */
export async function waitFor200(url: string, since: number, timeoutMs = 60_000): Promise<number> {
  while (performance.now() - since < timeoutMs) {
    const status = await fetch(url).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}
