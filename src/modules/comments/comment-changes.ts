import { z } from 'zod';

/**
 * The channel a trigger on `comments` notifies for every change a reader could see, and for every
 * new comment (see the public_list_indexes migration): it reaches every instance once committed.
 */
export const COMMENT_CHANGES = 'comment_changes';

const commentChangeSchema = z.object({
  siteId: z.string(),
  articleId: z.string(),
  authorId: z.string(),
  /** False when only the author could see the change (a held comment, a rejection of one). */
  public: z.boolean(),
});
export type CommentChange = z.infer<typeof commentChangeSchema>;

/** A notification's payload, or null for one this version does not understand. */
export function parseCommentChange(payload: string): CommentChange | null {
  try {
    const parsed = commentChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
