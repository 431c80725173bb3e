import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Readable } from 'node:stream';

// Swagger UI from its npm package (swagger-ui-dist), served by the API itself: no CDN, so the page
// works offline and under a CSP that allows only this origin. Only the two files the page loads
// are served; the package's own index.html/initializer (pointing at the petstore) are not.
const DIST_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const VERSION = (JSON.parse(readFileSync(path.join(DIST_DIR, 'package.json'), 'utf8')) as { version: string })
  .version;

export const SWAGGER_UI_ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export function swaggerUiAsset(file: string): Readable {
  return createReadStream(path.join(DIST_DIR, file));
}

/** Scripts only from this origin (no inline code), nothing loaded from anywhere else. */
export const DOCS_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Swagger UI sets style attributes on its elements
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// Relative URLs: the page is /api/docs, so `docs/…` is /api/docs/… even behind a path prefix.
// `?v=` changes with the package so long-cached assets are refetched after an upgrade.
export const DOCS_PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Velosi ERP API</title>
    <!-- No icon: keeps the browser from asking the API for /favicon.ico (a 404 in the log). -->
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="docs/assets/swagger-ui.css?v=${VERSION}" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="docs/assets/swagger-ui-bundle.js?v=${VERSION}"></script>
    <script src="docs/init.js?v=${VERSION}"></script>
  </body>
</html>
`;

// A file rather than an inline script, so the CSP needs no 'unsafe-inline' for scripts.
export const DOCS_INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('docs.json', window.location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    // The default validator badge would send the document to validator.swagger.io.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
  });
});
`;
