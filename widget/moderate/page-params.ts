import { langOfTag, type Lang } from '../shared/lang.js';
import { NO_FILTERS, type QueueFilters } from './queue/queue-filters.js';
import { MODERATION_QUEUES, type ModerationQueue } from '@/contract/moderation-queue.js';

/** What the address keeps: the language, the queue and its filters, so a reload or a shared link opens the same view. */
export interface PageParams {
  lang: Lang;
  queue: ModerationQueue;
  filters: QueueFilters;
}

const FILTER_NAMES = Object.keys(NO_FILTERS) as (keyof QueueFilters)[];

/** `?lang=ko|en` first, then the browser's language (Korean for any `ko*`). */
export function readPageParams(search: string, browserLanguage: string): PageParams {
  const params = new URLSearchParams(search);
  const lang = params.get('lang');
  const queue = params.get('queue');
  const filters = { ...NO_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = params.get(name)?.trim() ?? '';
  return {
    lang: lang === 'ko' || lang === 'en' ? lang : langOfTag(browserLanguage),
    queue: (MODERATION_QUEUES as readonly string[]).includes(queue ?? '') ? (queue as ModerationQueue) : 'pending',
    filters,
  };
}

/** The address for these parameters, keeping any the page does not own. */
export function pageSearch(current: string, view: { queue: ModerationQueue; filters: QueueFilters }): string {
  const params = new URLSearchParams(current);
  if (view.queue === 'pending') params.delete('queue');
  else params.set('queue', view.queue);
  for (const name of FILTER_NAMES) {
    const value = view.filters[name].trim();
    if (value) params.set(name, value);
    else params.delete(name);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
