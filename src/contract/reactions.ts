export interface LikeState {
  commentId: string;
  liked: boolean;
  likeCount: number;
}

export const REPORT_REASONS = ['spam', 'abuse', 'personal_info', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface ReportReceipt {
  commentId: string;
  reason: ReportReason;
  /** False when this reader had already reported the comment: it counts once. */
  firstReport: boolean;
}
