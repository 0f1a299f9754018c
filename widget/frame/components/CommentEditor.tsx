import type { CommentView, PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { ApiError, type WidgetErrorCode } from '@widget/shared/api/api-error.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { CommentForm } from './CommentForm.js';

/** Answers after which no edit of this comment can succeed, however it is worded. */
const FINAL_REFUSALS: ReadonlySet<WidgetErrorCode> = new Set(['EDIT_WINDOW_CLOSED', 'COMMENT_DECIDED', 'FORBIDDEN', 'NOT_FOUND', 'USER_BANNED']);

export interface CommentEditorProps {
  comment: CommentView;
  policy: PolicyInfo;
  /** Why the comment can no longer be edited (the window closed, the service refused): Save is off. */
  refusal: string | null;
  onSaved: (edited: PostedComment) => void;
  /** The service refused for good; the message is also shown in the editor, whose text stays. */
  onRefused: (message: string) => void;
  onCancel: () => void;
}

/** The reader's own comment as an editable text, prefilled, with the composer's counter and rule. */
export function CommentEditor({ comment, policy, refusal, onSaved, onRefused, onCancel }: CommentEditorProps) {
  const { api, t, lang } = useWidget();

  const save = async (text: string): Promise<void> => {
    try {
      onSaved(await api.editComment(comment.id, text));
    } catch (failure) {
      if (failure instanceof ApiError && FINAL_REFUSALS.has(failure.code)) onRefused(describeError(failure, t, lang).message);
      throw failure;
    }
  };

  return (
    <CommentForm
      formClass="comment-editor"
      policy={policy}
      label={t.editLabel}
      initialText={comment.body}
      rows={comment.parentId ? 2 : 3}
      submitLabel={t.save}
      busyLabel={t.saving}
      onSubmit={save}
      clearOnSuccess={false}
      onCancel={onCancel}
      refusal={refusal}
      autoFocus
    />
  );
}
