import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The boundary rules of eslint.config.js, shown failing on deliberate offenders: probe files are
// written into the source tree (the rules are scoped by path), linted, then removed.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const probeDir = path.join(repoRoot, 'apps/api/src', `lint-probe-${process.pid}`);
const commonProbe = path.join(repoRoot, 'apps/api/src/common', `lint-probe-${process.pid}.ts`);

const PROBES: Record<string, string> = {
  'cycle-a.ts': "import { b } from './cycle-b.js';\nexport const a = (): number => b() + 1;\n",
  'cycle-b.ts': "import { a } from './cycle-a.js';\nexport const b = (): number => a() - 1;\n",
  'probe.controller.ts':
    "import { LeadsRepository } from '../leads/leads.repository.js';\nexport const repository = LeadsRepository;\n",
  'probe.service.ts':
    "import { LeadsRepository } from '../leads/leads.repository.js';\nexport const repository = LeadsRepository;\n",
};

async function ruleIds(file: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

beforeAll(() => {
  mkdirSync(probeDir, { recursive: true });
  for (const [name, text] of Object.entries(PROBES)) writeFileSync(path.join(probeDir, name), text);
  writeFileSync(
    commonProbe,
    "import { quotes } from '../quotes/persistence/quotes.table.js';\nexport const t = quotes;\n",
  );
});
afterAll(() => {
  rmSync(probeDir, { recursive: true, force: true });
  rmSync(commonProbe, { force: true });
});

describe('lint boundaries (npm run lint)', () => {
  it('refuses an import cycle', async () => {
    expect(await ruleIds(path.join(probeDir, 'cycle-a.ts'))).toContain('import-x/no-cycle');
  });

  it('refuses a controller importing a repository, and allows a service to', async () => {
    expect(await ruleIds(path.join(probeDir, 'probe.controller.ts'))).toContain('no-restricted-imports');
    expect(await ruleIds(path.join(probeDir, 'probe.service.ts'))).toEqual([]);
  });

  it('refuses generic code importing a business object', async () => {
    expect(await ruleIds(commonProbe)).toContain('no-restricted-imports');
  });
});
