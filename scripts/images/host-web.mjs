// The web image's start on this host: its templates rendered as the nginx image's entrypoint
// renders them (only variables that are set are replaced, so nginx's own $uri stays), its paths
// mapped into the stage directory, the host's nginx in the foreground. Then the checks: health,
// the SPA, brotli/gzip/identity variants of a bundle, the proxied API and the refused master realm.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort, run, waitForHttp } from '../lib/processes.mjs';

const IMAGE_HTML = '/usr/share/nginx/html';

function render(template, env) {
  return template.replace(/\$\{(\w+)\}/g, (match, name) => env[name] ?? match);
}

/** Starts nginx on a free port; returns its URL and the child. */
export async function startNginx(image, work, { apiUrl, idpOrigin }) {
  const port = await freePort();
  const env = {
    ...image.env,
    PORT: String(port),
    // Upstreams given as addresses: the resolver is never asked, but the directive needs one.
    NGINX_RESOLVER: '127.0.0.1',
    API_UPSTREAM: apiUrl ?? 'http://127.0.0.1:9',
    KEYCLOAK_UPSTREAM: 'http://127.0.0.1:9',
    ...(idpOrigin ? { IDP_ORIGIN: new URL(idpOrigin).origin } : {}),
  };
  const dir = join(work, 'nginx');
  mkdirSync(join(dir, 'conf.d'), { recursive: true });
  const templates = join(image.root, 'etc/nginx/templates');
  for (const name of readdirSync(templates).filter((n) => n.endsWith('.template'))) {
    const text = render(readFileSync(join(templates, name), 'utf8'), env);
    writeFileSync(
      join(dir, 'conf.d', name.replace(/\.template$/, '')),
      text.replaceAll(IMAGE_HTML, join(image.root, IMAGE_HTML)),
    );
  }
  // The parts of the image's /etc/nginx/nginx.conf that matter, with writable paths in `dir`.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path ${dir}/client_temp;
  proxy_temp_path ${dir}/proxy_temp;
  fastcgi_temp_path ${dir}/fastcgi_temp;
  uwsgi_temp_path ${dir}/uwsgi_temp;
  scgi_temp_path ${dir}/scgi_temp;
  include ${dir}/conf.d/*.conf;
}
`,
  );
  const nginx = process.env.NGINX ?? '/usr/sbin/nginx';
  const child = run('web', nginx, ['-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`]);
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, { timeoutMs: 20_000, child });
  return { url, child };
}

/** GET with an Accept-Encoding, the body left encoded. */
function rawGet(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

function expect(condition, message) {
  if (!condition) throw new Error(`web check failed: ${message}`);
}

/** The checks; returns report lines. */
export async function checkWeb(web, html, { withApi }) {
  const lines = [];
  const index = await rawGet(`${web.url}/`);
  expect(index.status === 200 && index.body.includes('<app-root'), 'GET / serves index.html');
  expect(/default-src 'self'/.test(index.headers['content-security-policy'] ?? ''), 'CSP on the document');

  const bundle = readdirSync(html)
    .filter((n) => /^main-.*\.js$/.test(n))
    .at(0);
  expect(bundle, 'a main-*.js bundle in the html dir');
  const raw = readFileSync(join(html, bundle));
  const variants = { br: brotliDecompressSync, gzip: gunzipSync, identity: (b) => b };
  for (const [encoding, decode] of Object.entries(variants)) {
    const accept = encoding === 'identity' ? undefined : encoding === 'br' ? 'gzip, deflate, br' : 'gzip';
    const res = await rawGet(`${web.url}/${bundle}`, accept);
    expect(res.status === 200, `${bundle} (${encoding}) answers 200`);
    expect((res.headers['content-encoding'] ?? 'identity') === encoding, `${bundle}: ${encoding} served`);
    expect(res.headers['content-type']?.startsWith('application/javascript'), `${bundle}: JS content type`);
    expect(res.headers.vary === 'Accept-Encoding', `${bundle}: one Vary: Accept-Encoding`);
    expect(decode(res.body).equals(raw), `${bundle}: ${encoding} body decodes to the file`);
    lines.push(`web: ${bundle} ${encoding} ${res.body.length} bytes`);
  }
  // A bundle too small to have been compressed: the file itself, whatever the browser accepts.
  const small = readdirSync(html).find((n) => n.endsWith('.js') && !existsSync(join(html, `${n}.br`)));
  if (small) {
    const res = await rawGet(`${web.url}/${small}`, 'gzip, br');
    expect(res.status === 200 && !res.headers['content-encoding'], `${small} (no .br): served as is`);
    expect(res.body.equals(readFileSync(join(html, small))), `${small}: the file`);
  }
  const css = readdirSync(html).find((n) => n.endsWith('.css'));
  const styles = await rawGet(`${web.url}/${css}`, 'br');
  expect(
    styles.headers['content-encoding'] === 'br' && styles.headers['content-type']?.startsWith('text/css'),
    'CSS as br',
  );
  const i18n = await rawGet(`${web.url}/i18n/fr.json`, 'gzip');
  if (statSync(join(html, 'i18n/fr.json')).size >= 1024)
    expect(i18n.headers['content-encoding'] === 'gzip', 'i18n JSON gzipped');
  expect(
    (await rawGet(`${web.url}/realms/master/protocol/openid-connect/certs`)).status === 404,
    '/realms/master refused',
  );

  if (withApi) {
    const ready = await rawGet(`${web.url}/health/ready`);
    expect(ready.status === 200, `/health/ready through nginx: ${ready.status} ${ready.body}`);
    const info = await rawGet(`${web.url}/api/info`);
    expect(info.status === 200 && JSON.parse(info.body).database === 'postgres', '/api/info through nginx');
    const config = await rawGet(`${web.url}/config.json`);
    expect(
      config.status === 200 && /no-store/.test(config.headers['cache-control']),
      `/config.json through nginx: ${config.status} ${config.headers['cache-control']}`,
    );
    lines.push('web: /health/ready, /api/info, /config.json proxied to the API: 200');
  } else {
    lines.push('web: no API_UPSTREAM given, proxy not checked');
  }
  lines.push('web: /healthz 200, SPA + CSP, /realms/master 404');
  return lines;
}
