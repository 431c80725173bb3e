// "Build what is missing": a workspace is rebuilt when its output is absent or older than any of
// its sources, so `npm start` on a fresh clone builds everything once and later starts are quick.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runToEnd } from './processes.mjs';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Workspaces in dependency order: contracts first, everything else uses it. */
export const WORKSPACES = [
  {
    name: 'contracts',
    dir: 'packages/contracts',
    output: 'dist/index.js',
    sources: ['src', 'tsconfig.json'],
  },
  { name: 'api', dir: 'apps/api', output: 'dist/main.js', sources: ['src', 'drizzle', 'tsconfig.json'] },
  { name: 'idp', dir: 'apps/idp', output: 'dist/main.js', sources: ['src', 'tsconfig.json'] },
  {
    name: 'web',
    dir: 'apps/web',
    output: 'dist/browser/index.html',
    sources: ['src', 'public', 'scripts', 'angular.json', 'tsconfig.json', 'tsconfig.app.json'],
  },
];

export function isStale(ws, upstreamChanged = false) {
  const output = join(ROOT, ws.dir, ws.output);
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  const newestSource = Math.max(...ws.sources.map((s) => newestMtime(join(ROOT, ws.dir, s))));
  return upstreamChanged || newestSource > built;
}

/** Builds stale workspaces (a contracts change rebuilds its dependants). Returns the names built. */
export async function buildMissing({ only } = {}) {
  const built = [];
  let contractsChanged = false;
  for (const ws of WORKSPACES) {
    if (only && !only.includes(ws.name)) continue;
    if (!existsSync(join(ROOT, ws.dir, 'package.json'))) continue;
    if (!isStale(ws, contractsChanged && ws.name !== 'contracts')) continue;
    console.log(`Building ${ws.name} (${ws.dir})…`);
    await runToEnd('build', 'npm', ['run', 'build', '-w', ws.dir], { cwd: ROOT, quiet: false });
    if (ws.name === 'contracts') contractsChanged = true;
    built.push(ws.name);
  }
  return built;
}
