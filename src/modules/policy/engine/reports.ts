import type { CompiledPolicy } from './compile-policy.js';

/** Whether a published comment with this many distinct reports goes back to the moderation queue. */
export function shouldRequeueForReports(reportCount: number, policy: CompiledPolicy): boolean {
  return reportCount >= policy.definition.reports.requeueAt;
}
