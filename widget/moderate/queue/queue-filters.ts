/** What a queue can be narrowed by: the service's query parameters of the same names. */
export const QUEUE_FILTER_NAMES = ['articleId', 'section', 'rule', 'authorId', 'group'] as const;
export type QueueFilterName = (typeof QUEUE_FILTER_NAMES)[number];

/** Each filter's text as typed; an empty one does not filter. */
export type QueueFilters = Record<QueueFilterName, string>;

export const NO_FILTERS: QueueFilters = { articleId: '', section: '', rule: '', authorId: '', group: '' };
