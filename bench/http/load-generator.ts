// The load generator: a child process of the bench, so that building requests and reading answers
// never shares an event loop with the app or with the bench. It receives one LoadPlan over IPC, runs
// autocannon on it and sends back one LoadResult.
import autocannon from 'autocannon';
import { postedCommentBody } from './comment-bodies.js';
import { type LoadPlan, type LoadResult, type PostingPlan, postingSlot, type RequestMix } from './load-plan.js';

type BuiltRequest = autocannon.Request;

/** Turns a mix into a request builder; posts draw on one sequence so their readers stay within quota. */
function requestBuilder(mix: RequestMix): { next: () => BuiltRequest; postsBuilt: () => number } {
  let built = 0;
  let posts = 0;
  const post = (posting: PostingPlan): BuiltRequest => {
    const sequence = posting.firstSequence + posts++;
    const { token, articleId } = postingSlot(posting, sequence);
    return {
      method: 'POST',
      path: `/api/v1/articles/${encodeURIComponent(articleId)}/comments`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ body: postedCommentBody(sequence) }),
    };
  };
  const next = (): BuiltRequest => {
    const n = built++;
    switch (mix.kind) {
      case 'get': {
        const token = mix.tokens?.[n % mix.tokens.length];
        const headers = { ...mix.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
        return { method: 'GET', path: mix.paths[n % mix.paths.length]!, headers };
      }
      case 'post':
        return post(mix.posting);
      case 'mixed':
        if (n % mix.postEvery === mix.postEvery - 1) return post(mix.posting);
        return { method: 'GET', path: mix.paths[n % mix.paths.length]!, headers: {} };
    }
  };
  return { next, postsBuilt: () => posts };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;
}

async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const builder = requestBuilder(plan.mix);
  const createdIds: string[] = [];
  // Our own latency record: autocannon's histogram keeps whole milliseconds, too coarse for the floor.
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  // The callback form: its answer is typed as the event emitter it is (the promise form's answer is
  // an emitter and a thenable at once, so each .on() would read as a floating promise).
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.baseUrl,
        connections: plan.connections,
        duration: plan.durationSeconds,
        timeout: plan.timeoutSeconds,
        requests: [
          {
            setupRequest: (request) => ({ ...request, ...builder.next() }),
            onResponse: (status, body) => {
              if (status === 201) createdIds.push((JSON.parse(body) as { comment: { id: string } }).comment.id);
            },
          },
        ],
      },
      (error: Error | null, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  const sorted = Float64Array.from(latencies).sort();
  return {
    statuses,
    sent: result.requests.sent,
    answered: latencies.length,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    createdIds,
    postsBuilt: builder.postsBuilt(),
  };
}

process.once('message', (plan: LoadPlan) => {
  runLoad(plan).then(
    (result) => process.send!(result, () => process.exit(0)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
