// Types for processes.mjs, so TypeScript test setups can use the same helpers as the scripts.
import type { ChildProcess } from 'node:child_process';

export interface RunningChild extends ChildProcess {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export function run(
  name: string,
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean },
): RunningChild;
export function runToEnd(
  name: string,
  command: string,
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean },
): Promise<void>;
export function waitForHttp(
  url: string,
  options?: { timeoutMs?: number; child?: { exited: Promise<unknown> } },
): Promise<number>;
export function stopAll(children: RunningChild[], graceMs?: number): Promise<void>;
export function freePort(): Promise<number>;
