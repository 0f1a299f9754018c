import { REPORT_REASONS, type ReportReason } from '@/contract/reactions.js';
import type { QueueItem } from '@/contract/moderation-queue.js';
import { absoluteTime, relativeTime } from '@widget/shared/i18n/relative-time.js';
import { usePageText } from '../page-text.js';

/** What readers reported, with their notes (text only). */
export function ReportList({ reports }: { reports: NonNullable<QueueItem['reports']> }) {
  const { t, lang, now } = usePageText();
  if (reports.length === 0) return null;
  return (
    <div class="reports">
      <h3 class="minor-heading">{t.reportsHeading}</h3>
      <ul>
        {reports.map((report, index) => (
          <li key={index}>
            <strong>{isReportReason(report.reason) ? t.reportReasons[report.reason] : report.reason}</strong>
            {report.note && <span class="report-note"> “{report.note}”</span>}{' '}
            <time class="muted" dateTime={report.createdAt} title={absoluteTime(report.createdAt, lang)}>
              {relativeTime(report.createdAt, now, lang)}
            </time>
          </li>
        ))}
      </ul>
    </div>
  );
}

function isReportReason(reason: string): reason is ReportReason {
  return (REPORT_REASONS as readonly string[]).includes(reason);
}
