// What the bench asks of the load generator (a child process) and what it answers, over IPC.
// Plain data both ways: the requests are built in the child, from this description.

/** Posts by the bench readers, in an order that keeps every reader within the policy's quotas. */
export interface PostingPlan {
  /** Access tokens of the readers, in reader order. */
  tokens: string[];
  /** The articles posted to, in turn: a reader moves on to the next after `perArticle` posts. */
  articleIds: string[];
  perArticle: number;
  /** The first post's place in the bench-wide sequence (earlier scenarios' posts come before it). */
  firstSequence: number;
}

export type RequestMix =
  | { kind: 'get'; paths: string[]; tokens?: string[]; headers?: Record<string, string> }
  | { kind: 'post'; posting: PostingPlan }
  /** Reads of `paths` (anonymous), with one post in every `postEvery` requests. */
  | { kind: 'mixed'; paths: string[]; postEvery: number; posting: PostingPlan };

/** One autocannon run: a warm-up or a measured run are separate plans, so the bench can let the app drain between them. */
export interface LoadPlan {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  timeoutSeconds: number;
  mix: RequestMix;
}

export interface LoadResult {
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Requests written to a connection, and those answered; the rest were cut off when the run stopped. */
  sent: number;
  answered: number;
  /** Connection errors, of which timeouts. */
  errors: number;
  timeouts: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Ids of the comments answered 201. */
  createdIds: string[];
  /** Posting sequence numbers used (built requests, sent or not): the next run starts after them. */
  postsBuilt: number;
}

/** The same mix, its posts continuing the bench-wide sequence at `next`. */
export function continuingAt(mix: RequestMix, next: number): RequestMix {
  return mix.kind === 'get' ? mix : { ...mix, posting: { ...mix.posting, firstSequence: next } };
}

/** Who posts the `sequence`-th post, and where: readers take turns, so one reader's posts are `tokens.length` apart. */
export function postingSlot(plan: PostingPlan, sequence: number): { token: string; articleId: string; readersPost: number } {
  const reader = sequence % plan.tokens.length;
  const readersPost = Math.floor(sequence / plan.tokens.length);
  const articleId = plan.articleIds[Math.floor(readersPost / plan.perArticle) % plan.articleIds.length]!;
  return { token: plan.tokens[reader]!, articleId, readersPost };
}
