import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import type { CommentSort } from './comments.dto.js';

/** Where a page ended, in the order of its sort: the keyset the next page continues after. */
export interface CommentCursor {
  sort: CommentSort;
  createdAt: Date;
  id: string;
  likeCount: number;
}

const cursorSchema = z.strictObject({
  s: z.enum(['newest', 'oldest', 'top']),
  c: z.iso.datetime(),
  i: z.uuid(),
  l: z.number().int().min(0),
});

export function encodeCursor(cursor: CommentCursor): string {
  const payload = { s: cursor.sort, c: cursor.createdAt.toISOString(), i: cursor.id, l: cursor.likeCount };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(value: string, sort: CommentSort): CommentCursor {
  let parsed: z.infer<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationFailedError('cursor: not a cursor this service gave out');
  }
  if (parsed.s !== sort) throw new ValidationFailedError(`cursor: it belongs to sort=${parsed.s}, not sort=${sort}`);
  return { sort: parsed.s, createdAt: new Date(parsed.c), id: parsed.i, likeCount: parsed.l };
}
