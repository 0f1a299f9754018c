import type { QueueReason } from '@/contract/moderation-queue.js';
import { highlightSegments } from '../text/highlight.js';

/** The comment's text with what the policy matched marked; the text only ever becomes text nodes, never markup. */
export function HighlightedBody({ body, reasons }: { body: string; reasons: QueueReason[] }) {
  return (
    <p class="body">
      {highlightSegments(body, reasons).map((segment, index) =>
        segment.rules.length ? (
          <mark key={index} title={segment.rules.join(', ')} data-rules={segment.rules.join(' ')}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
