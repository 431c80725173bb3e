// Starts the whole application exactly as a user does (`npm start`, i.e. scripts/start.mjs) on free
// ports with a throw-away data directory, and stops it with SIGTERM afterwards, which also proves
// a clean shutdown. With E2E_BASE_URL set, tests run against an already running stack instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, waitForHttp } from '../../scripts/lib/processes.mjs';
import { startMailbox } from './mailbox.js';

const ROOT = new URL('../..', import.meta.url).pathname;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external);
    project.provide('mailboxDir', '');
    return async () => undefined;
  }
  // A fixed port when the identity provider only accepts one redirect URI (real Keycloak in CI).
  const port = Number(process.env.E2E_PORT ?? 0) || (await freePort());
  const idpPort = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'velosi-e2e-'));
  // A real SMTP server receives what the application sends (quotes e-mailed to clients).
  const mailbox = await startMailbox(join(dataDir, 'mailbox'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    IDP_PORT: String(idpPort),
    VELOSI_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`,
  };
  // The e2e suite always uses the embedded database; DATABASE_URL belongs to the API suites.
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const baseUrl = `http://localhost:${port}`;
  await waitForHttp(`${baseUrl}/health/ready`, { timeoutMs: 170_000, child: { exited } });
  project.provide('baseUrl', baseUrl);
  project.provide('mailboxDir', mailbox.dir);
  project.provide('idpUrl', process.env.OIDC_ISSUER_URL ?? `http://localhost:${idpPort}/realms/ERP_Velosi`);

  return async () => {
    child.kill('SIGTERM');
    const code = await exited;
    await mailbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) throw new Error(`npm start exited with ${code} on SIGTERM (expected a clean stop)`);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    idpUrl: string;
    mailboxDir: string;
  }
}
