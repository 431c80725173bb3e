import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { EntityIdSchema } from '@velosi/contracts';

/**
 * `@Param('id', RecordIdPipe)`: ids are UUIDs, so anything else names no record — 404 like any
 * unknown id (and PostgreSQL never sees a malformed uuid, which it would answer with an error).
 */
export class RecordIdPipe implements PipeTransform<string, string> {
  /** What the pipe accepts; the OpenAPI document reads it to describe the path parameter. */
  static readonly schema = EntityIdSchema;

  transform(value: string): string {
    if (!RecordIdPipe.schema.safeParse(value).success) throw new NotFoundException('No record with this id.');
    return value.toLowerCase();
  }
}
