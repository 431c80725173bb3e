// Small process helpers shared by the start, test and Keycloak scripts: spawn a child whose output
// is prefixed with its name, wait for an HTTP endpoint, stop children cleanly.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const COLOURS = { api: 36, idp: 35, web: 33, build: 90, keycloak: 32 };

export function run(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const colour = COLOURS[name] ?? 37;
  const prefix = process.stdout.isTTY ? `\u001b[${colour}m[${name}]\u001b[0m ` : `[${name}] `;
  const pipe = (stream, target) => {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      if (!options.quiet) for (const line of lines) target.write(prefix + line + '\n');
    });
  };
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

/** Runs a command to completion; rejects with its exit code when it fails. */
export async function runToEnd(name, command, args, options = {}) {
  const child = run(name, command, args, options);
  const { code, signal } = await child.exited;
  if (code !== 0) throw new Error(`${name}: ${command} ${args.join(' ')} failed (${code ?? signal})`);
}

/** Polls url until it answers 2xx, the child dies, or the timeout passes. */
export async function waitForHttp(url, { timeoutMs = 60_000, child, intervalMs = 150 } = {}) {
  const started = Date.now();
  let died = false;
  child?.exited.then(() => (died = true));
  while (Date.now() - started < timeoutMs) {
    if (died) throw new Error(`process exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** Sends SIGTERM to every live child and waits (up to graceMs) before SIGKILL. */
export async function stopAll(children, graceMs = 10_000) {
  const live = children.filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of live) c.kill('SIGTERM');
  const timer = setTimeout(() => live.forEach((c) => c.kill('SIGKILL')), graceMs);
  await Promise.all(live.map((c) => c.exited));
  clearTimeout(timer);
}

/** An unused TCP port on loopback (for test stacks that must not collide with a running dev stack). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
