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
    // index.html must be revalidated so a deploy is seen at once; hashed assets can be cached.
    setHeaders: (reply, filePath) => {
      if (filePath.endsWith('index.html')) void reply.header('cache-control', 'no-cache');
    },
  });
  return new SpaFallback(distDir);
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
