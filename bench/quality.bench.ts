// Standards Board policy quality on the development split of each labelled corpus (the rows the
// classifier's training run kept out): precision, recall, F1 and clean comments held, for the word
// rules alone, the classifier alone and the shipped default policy (both, plus every other rule).
//
//   npm run bench:quality -- --data <folder of *.jsonl corpora>
//
// A comment counts as flagged when the verdict is not `publish`. The author is a regular with no
// recent activity, so quotas, duplicates and new-account rules stay out of the figures.
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { compilePolicy, evaluate, type EvaluationContext, type PolicyDefinition } from '@/modules/policy/engine/engine.js';
import { corpusNames, parseArgs, readCorpora, splitForDevelopment } from '../scripts/classifier/corpora.js';
import { confusion, formatRow } from '../scripts/classifier/metrics.js';

const CONTEXT: EvaluationContext = {
  article: { premoderation: false },
  author: { accountAgeDays: 365, approvedCount: 10, rejectedCount: 0, trust: 'regular', postedToday: 0, postedOnArticle: 0, priorComments: 10 },
  recentComments: [],
  now: new Date('2026-12-01T00:00:00Z'),
};

const WORD_RULES = new Set(['profanity.banned', 'profanity.suspect', 'profanity.initials']);

function variant(edit: (definition: PolicyDefinition) => void): PolicyDefinition {
  const definition = structuredClone(DEFAULT_POLICY);
  edit(definition);
  return definition;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const data = args.get('data');
  if (!data) throw new Error('usage: npm run bench:quality -- --data <folder>');
  const { dev } = splitForDevelopment(readCorpora(data));
  const setups = [
    { name: 'word rules alone', policy: compilePolicy(variant((d) => (d.classifier.enabled = false))), only: WORD_RULES },
    { name: 'classifier alone', policy: compilePolicy(DEFAULT_POLICY), only: new Set(['classifier.abuse']) },
    { name: 'shipped default policy: word rules and classifier', policy: compilePolicy(DEFAULT_POLICY), only: new Set([...WORD_RULES, 'classifier.abuse']) },
    // Every rule, links and flooding included: most clean tweets that are held carry a link.
    { name: 'shipped default policy: every rule', policy: compilePolicy(DEFAULT_POLICY), only: null },
  ];
  console.log(`development split: ${dev.length} comments (${corpusNames(dev).join(', ')})\n`);
  for (const { name, policy, only } of setups) {
    console.log(name);
    let rejectedClean = 0;
    for (const corpus of corpusNames(dev)) {
      const rows = dev.filter((row) => row.corpus === corpus);
      const outcomes = rows.map((row) => {
        const verdict = evaluate(row.text, CONTEXT, policy);
        const reasons = only ? verdict.reasons.filter((reason) => only.has(reason.rule)) : verdict.reasons;
        if (row.label === 0 && reasons.some((reason) => reason.rule === 'classifier.abuse' && reason.action === 'reject')) rejectedClean++;
        return { label: row.label, flagged: reasons.length > 0 };
      });
      console.log(`  ${formatRow(corpus, confusion(outcomes))}`);
    }
    console.log(`  clean comments rejected by the classifier: ${rejectedClean}\n`);
  }
}

main();
