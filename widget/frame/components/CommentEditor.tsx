import type { CommentView, PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { useWidget } from '../widget-context.js';
import { CommentForm } from './CommentForm.js';

export interface CommentEditorProps {
  comment: CommentView;
  policy: PolicyInfo;
  /** False once the edit window has closed: the text stays, but Save is off and the reader is told why. */
  windowOpen: boolean;
  onSaved: (edited: PostedComment) => void;
  onCancel: () => void;
}

/** The reader's own comment as an editable text, prefilled, with the composer's counter and rule. */
export function CommentEditor({ comment, policy, windowOpen, onSaved, onCancel }: CommentEditorProps) {
  const { api, t } = useWidget();

  const save = async (text: string): Promise<void> => {
    onSaved(await api.editComment(comment.id, text));
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
      refusal={windowOpen ? null : t.errors.EDIT_WINDOW_CLOSED}
      autoFocus
    />
  );
}
