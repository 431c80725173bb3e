import { NotFoundException, type PipeTransform } from '@nestjs/common';
import { EntityIdSchema } from '@velosi/contracts';

/**
 * `@Param('id', RecordIdPipe)`: ids are UUIDs, so anything else names no record — 404 like any
 * unknown id (and PostgreSQL never sees a malformed uuid, which it would answer with an error).
 */
export class RecordIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!EntityIdSchema.safeParse(value).success) throw new NotFoundException('No record with this id.');
    return value.toLowerCase();
  }
}
