import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { cursorCountSchema, cursorTimeSchema, decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
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
  c: cursorTimeSchema,
  i: z.uuid(),
  l: cursorCountSchema,
});

export function encodeCursor(cursor: CommentCursor): string {
  return encodeOpaqueCursor({ s: cursor.sort, c: cursor.createdAt.toISOString(), i: cursor.id, l: cursor.likeCount });
}

export function decodeCursor(value: string, sort: CommentSort): CommentCursor {
  const parsed = decodeOpaqueCursor(value, cursorSchema);
  if (parsed.s !== sort) throw new ValidationFailedError(`cursor: it belongs to sort=${parsed.s}, not sort=${sort}`);
  return { sort: parsed.s, createdAt: parsed.c, id: parsed.i, likeCount: parsed.l };
}
