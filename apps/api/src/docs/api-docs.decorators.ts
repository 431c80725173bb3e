import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

// What the OpenAPI document cannot read from Nest's own route metadata. Paths, methods, status
// codes, public/permission marks, path params and the body/query schemas of the validation pipes
// are derived (see route-catalog.ts); only the answer's shape needs saying, since TypeScript
// return types are gone at run time.

const RESPONSE_KEY = 'velosi:docs:response';
const HIDDEN_KEY = 'velosi:docs:hidden';

/** What a route answers with its success status. */
export type DocumentedResponse =
  { kind: 'json'; schema: z.ZodType } | { kind: 'file'; mediaType: string; description: string };

/**
 * `@Returns(LeadSchema)`: the contract of the JSON body a route answers. `undefined` documents
 * nothing (lets a factory pass an optional schema through).
 */
export const Returns = (schema: z.ZodType | undefined): MethodDecorator =>
  schema ? SetMetadata(RESPONSE_KEY, { kind: 'json', schema } satisfies DocumentedResponse) : () => undefined;

/** `@ReturnsFile('application/pdf', 'The quote as PDF')`: a route answering a file, not JSON. */
export const ReturnsFile = (mediaType: string, description: string): MethodDecorator =>
  SetMetadata(RESPONSE_KEY, { kind: 'file', mediaType, description } satisfies DocumentedResponse);

/** Keeps a route (or a whole controller) out of the OpenAPI document: operations endpoints. */
export const HiddenFromDocs = (): MethodDecorator & ClassDecorator => SetMetadata(HIDDEN_KEY, true);

export const DOCS_METADATA = { response: RESPONSE_KEY, hidden: HIDDEN_KEY } as const;
