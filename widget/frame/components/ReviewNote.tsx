import type { CommentReview } from '@/contract/comments.js';
import { reasonTexts } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';

/**
 * Why the reader's own comment is not public: the Standards Board's reasons while it waits, and the
 * moderator's reason once it was rejected. The service sends this to the comment's author only.
 */
export function ReviewNote({ review }: { review: CommentReview }) {
  const { t, lang } = useWidget();
  const reasons = reasonTexts(review.reasons, lang);
  return (
    <div class={review.state === 'rejected' ? 'held held-rejected' : 'held'}>
      <p>{review.state === 'rejected' ? t.rejectedNote : t.awaitingReviewNote}</p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      {review.moderatorReason && <p class="moderator-reason">{t.moderatorReason(review.moderatorReason)}</p>}
    </div>
  );
}
