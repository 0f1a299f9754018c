import { useEffect, useState } from 'preact/hooks';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import type { PolicyRules } from '../api/admin-api.js';
import { useConsole } from '../admin-text.js';
import { asNextVersion, cloneDefinition, rulesChanged, termChanges } from '../policy/draft.js';
import { DryRun } from './DryRun.js';
import { PolicyVersions } from './PolicyVersions.js';
import { RulesForm } from './RulesForm.js';
import { TermLists } from './TermLists.js';

/**
 * The site's policy: the rules as a form and the term lists, both edited as one draft; a text tried
 * against the draft and the policy in force side by side; the draft saved as the next version; the
 * versions, what each changed, and a rollback.
 */
export function PolicyView() {
  const { t, api, say, fail } = useConsole();
  const [inForce, setInForce] = useState<PolicyRules | null>(null);
  const [draft, setDraft] = useState<PolicyDefinition | null>(null);
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const [versionsKey, setVersionsKey] = useState(0);

  const adopt = (rules: PolicyRules): void => {
    setInForce(rules);
    setDraft(cloneDefinition(rules.definition));
    setVersionsKey((key) => key + 1);
  };

  useEffect(() => {
    api.rules().then(adopt, fail);
  }, []);

  if (!inForce || !draft) return <p class="muted">{t.loading}</p>;

  const terms = termChanges(inForce.definition, draft);
  const otherRules = rulesChanged(inForce.definition, draft);
  const changeCount = terms.reduce((sum, change) => sum + change.add.length + change.remove.length, 0) + (otherRules ? 1 : 0);

  const save = async (): Promise<void> => {
    setSaving(true);
    try {
      let saved: PolicyRules;
      if (otherRules) {
        saved = await api.saveRules(asNextVersion(draft, inForce.version), reason.trim());
      } else {
        // Term lists alone go as small edits, one version per list: a whole policy can outgrow a request body.
        saved = inForce;
        for (const change of terms) saved = await api.editTerms(saved.version + 1, change.list, change.add, change.remove, reason.trim());
      }
      adopt(saved);
      setReason('');
      say(t.policySaved(saved.version));
    } catch (failure) {
      fail(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="console-section policy-console">
      <h2>{t.sections.policy}</h2>
      <p class="muted">{t.rulesIntro}</p>
      <RulesForm draft={draft} onChange={setDraft} />
      <TermLists draft={draft} onChange={setDraft} />

      <section class="draft-bar" aria-labelledby="draft-heading">
        <h3 id="draft-heading">{t.draftHeading}</h3>
        <p class="draft-state">{changeCount ? t.draftChanges(changeCount) : t.draftClean}</p>
        {changeCount > 0 && (
          <form
            class="inline-field"
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <div class="field">
              <label for="policy-reason">{t.reason}</label>
              <input id="policy-reason" type="text" maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
            </div>
            <button type="submit" class="button button-primary" disabled={saving}>
              {t.saveDraft}
            </button>
            <button type="button" class="button button-quiet" disabled={saving} onClick={() => setDraft(cloneDefinition(inForce.definition))}>
              {t.discardDraft}
            </button>
          </form>
        )}
      </section>

      <DryRun version={inForce.version} draft={changeCount ? asNextVersion(draft, inForce.version) : null} />
      <PolicyVersions key={versionsKey} current={inForce.version} onRolledBack={adopt} />
    </div>
  );
}
