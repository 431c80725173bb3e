// temporary measurement script (not committed)
import { spawn, execFileSync } from 'node:child_process';
const dir = process.argv[2];
const t0 = performance.now();
const child = spawn(process.execPath, ['dist/main.js'], { env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: '0', PGLITE_DATA_DIR: dir, ...(process.argv[3] ? { DATABASE_URL: process.argv[3] } : {}) }, stdio: ['ignore', 'pipe', 'inherit'] });
let url;
child.stdout.setEncoding('utf8').on('data', (c) => { const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(c); if (m) url = m[1]; });
while (true) {
  if (url) { const s = await fetch(url + '/health/ready').then(r => r.status, () => 0); if (s === 200) break; }
  await new Promise(r => setTimeout(r, 10));
}
const ready = performance.now() - t0;
await new Promise(r => setTimeout(r, 1000));
const rss = execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)]).toString().trim();
for (let i = 0; i < 50; i++) await fetch(url + '/api/info');
const rss2 = execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)]).toString().trim();
child.kill('SIGTERM');
const code = await new Promise(r => child.once('exit', (c) => r(c)));
console.log(JSON.stringify({ readyMs: Math.round(ready), rssKiB_1sAfterReady: +rss, rssKiB_after50req: +rss2, exit: code }));
