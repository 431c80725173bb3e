// Runs a Dockerfile's own instructions on this host (there is no Docker engine here or in CI): each
// stage is a directory standing for the image's filesystem, COPY copies into it (honouring the
// root .dockerignore), RUN runs the same shell command in the stage's WORKDIR, ENV/CMD/USER are
// recorded for whoever starts the result. Base images are not modelled: a stage FROM an image
// starts empty (its tools — node, npm, nginx — are the host's) unless `bases` names a directory
// standing for that image's content (the Keycloak distribution for quay.io/keycloak/keycloak), a
// stage FROM another stage starts as a copy of it. Absolute image paths listed in `imagePaths`
// (e.g. /opt/keycloak) are rewritten into the stage directory in RUN commands.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';

/** Instructions of a Dockerfile: continuation lines joined, comments dropped. */
export function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue; // a comment between continuation lines
    pending += (pending ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) continue;
    const [keyword, ...rest] = pending.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' ') });
    pending = '';
  }
  return instructions;
}

// The .dockerignore pattern forms the repository uses: "**/name", "**/*.ext" and "name".
function ignoreMatcher(contextDir) {
  const file = join(contextDir, '.dockerignore');
  const patterns = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [];
  return (path) => {
    const rel = relative(contextDir, path);
    if (rel === '' || rel.startsWith('..')) return false;
    return patterns.some((pattern) => {
      if (pattern.startsWith('**/')) {
        const tail = pattern.slice(3);
        if (tail.startsWith('*.')) return rel.endsWith(tail.slice(1));
        return rel.split('/').includes(tail);
      }
      return rel === pattern.replace(/\/$/, '') || rel.startsWith(pattern.replace(/\/?$/, '/'));
    });
  };
}

const substitute = (text, vars) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a, b) => vars[a ?? b] ?? m);

/** `text` with each absolute image path of `imagePaths` (at a word start) moved under `root`. */
export function mapImagePaths(text, imagePaths, root) {
  return imagePaths.reduce(
    (out, path) =>
      out.replace(
        new RegExp(`(^|[\\s"'=:])${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=/|$|[\\s"'])`, 'g'),
        `$1${root}${path}`,
      ),
    text,
  );
}

/** KEY=value pairs (values without spaces, or double-quoted). */
function parseAssignments(args) {
  const pairs = {};
  for (const match of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S+)/g)) {
    pairs[match[1]] = match[2].startsWith('"') ? JSON.parse(match[2]) : match[2];
  }
  return pairs;
}

/**
 * Builds `dockerfile` with `contextDir` as context into `workDir/<stage>`. `skip` maps a stage name
 * to a directory standing for its finished filesystem (a stage already built by other means).
 * Returns the stages: { root, workdir, env, user, cmd, entrypoint, healthcheck } by name ('final'
 * for the last one).
 */
export function buildDockerfile({
  dockerfile,
  contextDir,
  workDir,
  skip = {},
  bases = {},
  imagePaths = [],
  env = {},
  log = console.log,
}) {
  const ignored = ignoreMatcher(contextDir);
  const args = {};
  const stages = {};
  let stage;
  let skipping = false;
  let index = 0;
  for (const { keyword, args: text } of parseDockerfile(readFileSync(dockerfile, 'utf8'))) {
    if (keyword === 'ARG') {
      if (!stage) Object.assign(args, parseAssignments(text));
      continue;
    }
    if (keyword === 'FROM') {
      const [image, , alias] = substitute(text, args).split(/\s+/);
      const name = alias ?? `stage${index}`;
      index += 1;
      skipping = name in skip;
      const root = skipping ? skip[name] : join(workDir, name);
      const parent = stages[image];
      stage = parent
        ? { ...parent, env: { ...parent.env }, root, name }
        : { root, name, workdir: '/', env: {}, user: undefined, cmd: undefined, image };
      if (!skipping) {
        mkdirSync(root, { recursive: true });
        if (parent) cpSync(parent.root, root, { recursive: true, verbatimSymlinks: true });
        const base = Object.keys(bases).find((b) => image === b || image.startsWith(`${b}:`));
        if (!parent && base) bases[base](root);
      }
      log(`--- stage ${name}${skipping ? ` (not run: ${root})` : ''} FROM ${image}`);
      stages[name] = stage;
      stages.final = stage;
      continue;
    }
    if (!stage) throw new Error(`${keyword} before FROM`);
    if (keyword === 'WORKDIR') {
      stage.workdir = text.startsWith('/') ? text : join(stage.workdir, text);
      if (!skipping) mkdirSync(join(stage.root, stage.workdir), { recursive: true });
    } else if (keyword === 'ENV') {
      Object.assign(stage.env, parseAssignments(text));
    } else if (keyword === 'USER') {
      stage.user = text;
    } else if (keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK') {
      stage[keyword.toLowerCase()] = text;
    } else if (skipping) {
      continue;
    } else if (keyword === 'COPY') {
      copy(stage, stages, text, contextDir, ignored, log);
    } else if (keyword === 'RUN') {
      log(`RUN ${text}`);
      const started = performance.now();
      const result = spawnSync('bash', ['-euc', mapImagePaths(text, imagePaths, stage.root)], {
        cwd: join(stage.root, stage.workdir),
        env: { ...process.env, ...env, ...stage.env },
        stdio: 'inherit',
      });
      if (result.status !== 0) throw new Error(`RUN failed (${result.status}): ${text}`);
      log(`    (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } else if (!['EXPOSE', 'LABEL', 'STOPSIGNAL', 'VOLUME', 'SHELL'].includes(keyword)) {
      throw new Error(`unsupported instruction ${keyword}`);
    }
  }
  return stages;
}

function copy(stage, stages, text, contextDir, ignored, log) {
  const words = text.split(/\s+/);
  const from = words.find((w) => w.startsWith('--from='))?.slice('--from='.length);
  const mode = words.find((w) => w.startsWith('--chmod='))?.slice('--chmod='.length);
  const paths = words.filter((w) => !w.startsWith('--'));
  const destination = paths.pop();
  const sourceRoot = from ? stages[from]?.root : contextDir;
  if (!sourceRoot) throw new Error(`COPY --from=${from}: no such stage`);
  const target = join(
    stage.root,
    destination.startsWith('/') ? destination : join(stage.workdir, destination),
  );
  const intoDir = destination.endsWith('/') || paths.length > 1;
  for (const source of paths) {
    const path = join(sourceRoot, source);
    if (!existsSync(path)) throw new Error(`COPY ${source}: not found in ${sourceRoot}`);
    const to = intoDir && !statSync(path).isDirectory() ? join(target, basename(source)) : target;
    mkdirSync(intoDir ? target : join(to, '..'), { recursive: true });
    cpSync(path, to, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (p) => (from ? true : !ignored(p)),
    });
    if (mode) chmodSync(to, parseInt(mode, 8));
  }
  log(`COPY ${text}`);
}
