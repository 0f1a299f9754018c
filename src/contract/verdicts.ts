export type VerdictDecision = 'publish' | 'hold' | 'reject';

/** A span of the comment's text in UTF-16 code units, as `String.prototype.slice` takes it. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** One Standards Board reason of a verdict, in both languages. */
export interface VerdictReasonView {
  rule: string;
  /** Which layer of the policy the rule's setting came from: the site's policy, the article's section, or the article. */
  layer?: 'site' | 'section' | 'article';
  message: string;
  messageKo: string;
  clause?: string;
  match?: TextSpan;
}

/** The contract's `Verdict`, with each reason's Korean message, policy clause and match added. */
export interface VerdictView {
  decision: VerdictDecision;
  reasons: VerdictReasonView[];
}
