import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type NotFoundFallback } from '../common/problem.filter.js';

// Paths that belong to the server; an unknown one is a real 404, never the SPA.
const SERVER_PATHS = /^\/(api|health)(\/|$)|^\/(config\.json|metrics)$/;

/**
 * Serves the built SPA from WEB_DIST_DIR. The plugin is registered even when the folder is missing
 * so a build made after start-up is picked up; until then client routes answer "SPA not built".
 */
export async function serveSpa(app: NestFastifyApplication, distDir: string): Promise<NotFoundFallback> {
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: true,
    // The web build writes `.br`/`.gz` siblings (apps/web/scripts/precompress.mjs): sent as they
    // are to clients that accept them, with `Vary: Accept-Encoding`; no compression per request.
    preCompressed: true,
    setHeaders: (reply, filePath) => void reply.header('cache-control', cacheControlFor(filePath)),
  });
  return new SpaFallback(distDir);
}

// Angular's output hashing (`outputHashing: all`): `main-FD6NSE7E.js`, `chunk-BS6_3hD_.js`,
// `media/roboto-…-54A6GDYM.woff2`. Such a name changes whenever the content does.
const HASHED_NAME = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?|ttf|svg|png|jpe?g|webp|gif|ico)$/;

/**
 * Hashed assets are kept a year and never revalidated; everything else (index.html, translation
 * files, icons) is revalidated on each boot (ETag → 304), so a deploy is seen at once.
 */
export function cacheControlFor(filePath: string): string {
  // With preCompressed the path is the `.br`/`.gz` file that is sent.
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '');
  return HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Client-side routes (`/leads/42`) get index.html so a reload or deep link works. */
class SpaFallback implements NotFoundFallback {
  constructor(private readonly distDir: string) {}

  handle(request: FastifyRequest, reply: FastifyReply): boolean {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = request.url.split('?', 1)[0] ?? '/';
    const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
    if (SERVER_PATHS.test(pathname) || lastSegment.includes('.')) return false;

    if (!existsSync(path.join(this.distDir, 'index.html'))) {
      const body = problem(503, 'The web app is not built: run `npm run build -w apps/web`.', {
        title: 'SPA not built',
      });
      void reply.status(503).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
      return true;
    }
    void reply.status(200).header('cache-control', 'no-cache').sendFile('index.html');
    return true;
  }
}
