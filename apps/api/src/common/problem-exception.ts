import { STATUS_CODES } from 'node:http';
import { HttpException, ServiceUnavailableException } from '@nestjs/common';
import type { Problem } from '@velosi/contracts';

/**
 * A 4xx answered with a problem body of its own: a specific `type` and extension members (e.g.
 * `currentVersion` on a version conflict) that a plain HttpException cannot carry. The problem
 * filter sends `problem` as is.
 */
export class ProblemException extends HttpException {
  readonly problem: Problem & Record<string, unknown>;

  constructor(status: number, type: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail, status);
    this.problem = { type, title: STATUS_CODES[status] ?? 'Error', status, detail, ...extensions };
  }
}

/**
 * A 503 the code chose to answer because a bounded queue is full (load shedding, e.g. PDF
 * rendering): expected during a burst, so the problem filter logs one warning line for it, not an
 * error with a stack per refused request.
 */
export class OverloadedException extends ServiceUnavailableException {}
