import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError, Problem } from '@velosi/contracts';

/**
 * The RFC 9457 problem details of a failed API call (docs/rules.md), or a stand-in built from the
 * HTTP status when the body is something else (proxy error page, network failure: status 0).
 */
export function readProblem(error: unknown): Problem {
  if (!(error instanceof HttpErrorResponse)) {
    return { type: 'about:blank', title: 'Unexpected error', status: 0 };
  }
  const body = (typeof error.error === 'object' && error.error !== null ? error.error : {}) as Record<
    string,
    unknown
  >;
  const errors = Array.isArray(body['errors'])
    ? (body['errors'] as unknown[]).filter(isFieldError)
    : undefined;
  return {
    type: typeof body['type'] === 'string' ? body['type'] : 'about:blank',
    title: typeof body['title'] === 'string' ? body['title'] : error.statusText,
    status: error.status,
    ...(typeof body['detail'] === 'string' ? { detail: body['detail'] } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

/**
 * Status of a failed load for the pages' error states: null while there is no error, -1 when the
 * failure is not an HTTP answer (a parse error of the body).
 */
export function loadErrorStatus(error: unknown): number | null {
  if (!error) return null;
  return error instanceof HttpErrorResponse ? error.status : -1;
}

function isFieldError(value: unknown): value is FieldError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate['field'] === 'string' && typeof candidate['message'] === 'string';
}
