import { useEffect, useRef, useState } from 'preact/hooks';
import type { VerdictView } from '@/contract/verdicts.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { reasonTexts } from '@widget/shared/i18n/describe-error.js';
import { useConsole } from '../admin-text.js';

interface Verdicts {
  inForce: VerdictView;
  draft: VerdictView | null;
}

/**
 * A text judged by the policy in force and, while there is one, by the draft, without posting it.
 * Once a text was tried, it is tried again whenever the draft or the version in force changes.
 */
export function DryRun({ version, draft }: { version: number; draft: PolicyDefinition | null }) {
  const { t, api, fail } = useConsole();
  const [text, setText] = useState('');
  const [tried, setTried] = useState<{ text: string; asked: number } | null>(null);
  const [verdicts, setVerdicts] = useState<Verdicts | null>(null);
  const asked = useRef(0);
  const draftKey = draft ? JSON.stringify(draft) : '';

  useEffect(() => {
    if (tried === null) return;
    const ask = ++asked.current;
    Promise.all([api.evaluate(tried.text), draft ? api.evaluate(tried.text, draft) : Promise.resolve(null)]).then(
      ([inForce, drafted]) => ask === asked.current && setVerdicts({ inForce, draft: drafted }),
      fail,
    );
  }, [tried, version, draftKey]);

  return (
    <section class="dry-run" aria-labelledby="dry-run-heading">
      <h3 id="dry-run-heading">{t.dryRunHeading}</h3>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A new value each time, so trying the same text again asks again.
          if (text.trim()) setTried({ text: text.trim(), asked: (tried?.asked ?? 0) + 1 });
        }}
      >
        <div class="field">
          <label for="dry-run-text">{t.dryRunText}</label>
          <textarea id="dry-run-text" rows={3} maxLength={2000} value={text} onInput={(event) => setText(event.currentTarget.value)} />
        </div>
        <div class="form-buttons">
          <button type="submit" class="button button-primary" disabled={!text.trim()}>
            {t.dryRun}
          </button>
        </div>
      </form>
      <div aria-live="polite" class="verdicts">
        {verdicts && (
          <>
            <VerdictLine id="verdict-in-force" label={t.verdictInForce(version)} verdict={verdicts.inForce} />
            {verdicts.draft && <VerdictLine id="verdict-draft" label={t.verdictDraft} verdict={verdicts.draft} />}
          </>
        )}
      </div>
    </section>
  );
}

function VerdictLine({ id, label, verdict }: { id: string; label: string; verdict: VerdictView }) {
  const { t, lang } = useConsole();
  const reasons = reasonTexts(verdict.reasons, lang);
  return (
    <p id={id} class={`verdict verdict-${verdict.decision}`}>
      <span class="muted">{label}: </span>
      <strong class="verdict-decision">{t.decisions[verdict.decision]}</strong>
      {reasons.length > 0 && <span> · {reasons.join(' · ')}</span>}
    </p>
  );
}
