import { useRef, useState } from 'preact/hooks';
import { ApiError, apiErrorFromResponse } from '@widget/shared/api/api-error.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { absoluteTime } from '@widget/shared/i18n/relative-time.js';
import type { DecisionAction, DecisionOutcome } from '@/contract/moderation-decisions.js';
import type { QueueItem } from '@/contract/moderation-queue.js';
import type { BanRequest, DecisionRequest, ModerationApi, TrustRequest } from '../api/moderation-api.js';
import type { PageText } from '../page-text.js';
import { withAll, withEntries, without, withoutKeys } from './sets.js';

export interface DecisionsDeps {
  api: ModerationApi;
  text: PageText;
  /** Takes decided items off the list (and out of the selection). */
  removeItems: (ids: readonly string[]) => void;
  /** Fetches the list again: after a conflict, when a ban rejected more, or a trust changed. */
  refreshList: () => void;
  refreshCounts: () => void;
  /** The outcome, in the status line (read out politely). */
  say: (text: string, isError?: boolean) => void;
  noteFailure: (error: unknown) => void;
}

export interface Decisions {
  /** Items with a decision under way: their buttons wait. */
  busy: ReadonlySet<string>;
  /** What went wrong per item, shown on the item. */
  notices: ReadonlyMap<string, string>;
  isDeciding: (commentId: string) => boolean;
  decide: (items: readonly QueueItem[], action: DecisionAction, reason: string) => Promise<void>;
  /** Resolves to the error to show in the ban form, or null. */
  ban: (item: QueueItem, request: BanRequest) => Promise<string | null>;
  /** Resolves to the error to show in the trust form, or null. */
  setTrust: (item: QueueItem, request: TrustRequest) => Promise<string | null>;
  forget: (ids: readonly string[]) => void;
}

/**
 * Approving, rejecting (one, or many in one request), banning and setting an author's trust. Exactly one decision wins on the
 * service; a 409 ALREADY_DECIDED says another moderator was first, and the list is fetched again.
 */
export function useDecisions(deps: DecisionsDeps): Decisions {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [notices, setNotices] = useState<ReadonlyMap<string, string>>(new Map());
  // Read by the live events synchronously: a decision's own event may come before its answer.
  const deciding = useRef(new Set<string>());
  const { api, text } = deps;
  const { t, lang } = text;
  const messageOf = (failure: unknown): string => describeError(failure, t, lang).message;

  const decide = async (items: readonly QueueItem[], action: DecisionAction, reason: string): Promise<void> => {
    const ids = items.map((item) => item.comment.id);
    if (ids.length === 0 || ids.some((id) => deciding.current.has(id))) return;
    ids.forEach((id) => deciding.current.add(id));
    setBusy((current) => withAll(current, ids));
    setNotices((current) => withoutKeys(current, ids));
    // An item that shows a moderator's decision is overturned knowingly; anything else must not
    // silently overwrite a decision made meanwhile.
    const requests: DecisionRequest[] = items.map((item) => ({ commentId: item.comment.id, action, reason, override: Boolean(item.decision) }));
    try {
      if (requests.length === 1) {
        await api.decide(requests[0]!);
        deps.removeItems(ids);
        const name = items[0]!.comment.author.displayName;
        deps.say(action === 'approve' ? t.approvedOne(name) : t.rejectedOne(name));
      } else {
        settleBulk((await api.decideMany(requests)).results);
      }
    } catch (failure) {
      deps.noteFailure(failure);
      deps.say(messageOf(failure), true);
      if (failure instanceof ApiError && failure.code === 'ALREADY_DECIDED') deps.refreshList();
      else if (ids.length === 1) setNotices((current) => withEntries(current, [[ids[0]!, messageOf(failure)]]));
    } finally {
      ids.forEach((id) => deciding.current.delete(id));
      setBusy((current) => without(current, ids));
      deps.refreshCounts();
    }
  };

  const settleBulk = (results: DecisionOutcome[]): void => {
    const failed = results.filter((result) => result.outcome === 'error');
    deps.removeItems(results.filter((result) => result.outcome !== 'error').map((result) => result.commentId));
    // Each failure in the contract's words, as if it had been a single request's answer.
    const failures = failed.map((result) => [result.commentId, messageOf(apiErrorFromResponse(500, { error: result.error }, null))] as const);
    setNotices((current) => withEntries(current, failures));
    deps.say(t.bulkDone(results.length - failed.length, failed.length), failed.length > 0);
    if (failed.some((result) => result.error?.code === 'ALREADY_DECIDED')) deps.refreshList();
  };

  const ban = async (item: QueueItem, request: BanRequest): Promise<string | null> => {
    const author = item.author ?? item.comment.author;
    try {
      await api.ban(author.id, request);
      deps.say(t.banned(author.displayName, request.until ? absoluteTime(request.until, lang) : null));
      if (request.rejectPending) deps.refreshList();
      deps.refreshCounts();
      return null;
    } catch (failure) {
      deps.noteFailure(failure);
      return messageOf(failure);
    }
  };

  const setTrust = async (item: QueueItem, request: TrustRequest): Promise<string | null> => {
    const author = item.author ?? item.comment.author;
    try {
      const { trust } = await api.setTrust(author.id, request);
      deps.say(t.trustSet(author.displayName, t.trustLevels[trust]));
      // Every item by this author shows the new trust.
      deps.refreshList();
      return null;
    } catch (failure) {
      deps.noteFailure(failure);
      return messageOf(failure);
    }
  };

  return {
    busy,
    notices,
    isDeciding: (commentId) => deciding.current.has(commentId),
    decide,
    ban,
    setTrust,
    forget: (ids) => setNotices((current) => withoutKeys(current, ids)),
  };
}
