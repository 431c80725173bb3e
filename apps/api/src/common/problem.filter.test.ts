import type { ArgumentsHost } from '@nestjs/common';
import { ServiceUnavailableException } from '@nestjs/common';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { OverloadedException } from './problem-exception.js';
import { ProblemFilter } from './problem.filter.js';

/** A real Fastify request/reply pair whose log lines are kept (pino writing to an array). */
async function answer(exception: unknown) {
  const lines: { level: number; msg: string; reason?: string; err?: unknown }[] = [];
  const app = Fastify({
    logger: { level: 'info', stream: { write: (l: string) => lines.push(JSON.parse(l)) } },
  });
  app.get('/', (request, reply) => {
    const host = { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) };
    new ProblemFilter().catch(exception, host as unknown as ArgumentsHost);
  });
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return { response, logged: lines.filter((l) => /request (failed|shed)/.test(l.msg)) };
}

describe('ProblemFilter logging of 503s', () => {
  it('a shed request (full queue) is one warning without a stack, answered 503 with Retry-After', async () => {
    const { response, logged } = await answer(new OverloadedException('Too many documents.'));
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(logged).toEqual([expect.objectContaining({ level: 40, reason: 'Too many documents.' })]);
    expect(logged[0]).not.toHaveProperty('err');
  });

  it('any other 503 (identity provider down) stays an error with its cause', async () => {
    const { response, logged } = await answer(
      new ServiceUnavailableException('Identity provider unavailable.'),
    );
    expect(response.statusCode).toBe(503);
    expect(logged).toEqual([expect.objectContaining({ level: 50, msg: 'request failed' })]);
    expect(logged[0]).toHaveProperty('err');
  });
});
