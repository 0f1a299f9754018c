import { useMemo } from 'preact/hooks';
import type { PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { DraftKey } from '../composer/draft-key.js';
import { useWidget } from '../widget-context.js';
import { CommentForm } from './CommentForm.js';

interface ComposerProps {
  policy: PolicyInfo;
  parentId: string | null;
  label: string;
  onPosted: (posted: PostedComment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A new comment or reply: posted once per draft (a retry of the same text reuses its Idempotency-Key). */
export function Composer({ policy, parentId, label, onPosted, onCancel, autoFocus }: ComposerProps) {
  const { api, t, articleId } = useWidget();
  const draftKey = useMemo(() => new DraftKey(), []);

  const post = async (text: string): Promise<void> => {
    const posted = await api.postComment(articleId, text, parentId, draftKey.for(text, parentId));
    draftKey.reset();
    onPosted(posted);
  };

  return (
    <CommentForm
      formClass="composer"
      policy={policy}
      label={label}
      rows={parentId ? 2 : 3}
      submitLabel={t.post}
      busyLabel={t.posting}
      onSubmit={post}
      clearOnSuccess
      onCancel={onCancel}
      autoFocus={autoFocus}
    />
  );
}
