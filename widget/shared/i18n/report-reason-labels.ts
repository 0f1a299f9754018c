import type { ReportReason } from '@/contract/reactions.js';
import type { Lang } from '../lang.js';

/** The contract's report reasons as readers pick them and moderators read them. */
export const REPORT_REASON_LABELS: Record<Lang, Record<ReportReason, string>> = {
  en: {
    spam: 'Spam or advertising',
    abuse: 'Abuse, insults or hate',
    personal_info: 'Personal information',
    off_topic: 'Off topic',
    other: 'Something else',
  },
  ko: {
    spam: '스팸·광고',
    abuse: '욕설·비방·혐오',
    personal_info: '개인정보 노출',
    off_topic: '기사와 무관한 내용',
    other: '기타',
  },
};
