import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { useConsole } from '../admin-text.js';

type Detectors = PolicyDefinition['detectors'];
type DetectorName = keyof Detectors;
type Action = 'hold' | 'reject';

const DETECTORS: DetectorName[] = ['phone', 'email', 'residentNumber', 'card', 'repeat', 'shouting', 'duplicate'];
const ACTIONS: Action[] = ['hold', 'reject'];
const LINK_ACTIONS = ['allow', 'hold', 'reject'] as const;

interface RulesFormProps {
  draft: PolicyDefinition;
  onChange: (draft: PolicyDefinition) => void;
}

/** The policy's settings as a form; every change goes to the draft, nothing is saved from here. */
export function RulesForm({ draft, onChange }: RulesFormProps) {
  const { t } = useConsole();
  const setDetector = (name: DetectorName, change: Partial<{ enabled: boolean; action: Action }>) =>
    onChange({ ...draft, detectors: { ...draft.detectors, [name]: { ...draft.detectors[name], ...change } } });
  const { quotas, newAccount, classifier } = draft;

  return (
    <div class="rules-form">
      <fieldset>
        <legend>{t.rulesHeading}</legend>
        <table class="rules-table">
          <tbody>
            {DETECTORS.map((name) => (
              <tr key={name}>
                <th scope="row">{t.detectors[name]}</th>
                <td>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={draft.detectors[name].enabled}
                      onChange={(event) => setDetector(name, { enabled: event.currentTarget.checked })}
                    />
                    {t.enabled}
                  </label>
                </td>
                <td>
                  <ActionSelect
                    id={`detector-${name}`}
                    label={`${t.detectors[name]}: ${t.action}`}
                    value={draft.detectors[name].action}
                    onChange={(action) => setDetector(name, { action })}
                  />
                </td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t.quotaDaily}</th>
              <td>
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={quotas.daily.enabled}
                    onChange={(event) => onChange({ ...draft, quotas: { ...quotas, daily: { ...quotas.daily, enabled: event.currentTarget.checked } } })}
                  />
                  {t.enabled}
                </label>
              </td>
              <td>
                <NumberField
                  id="quota-daily"
                  label={`${t.quotaDaily}: ${t.limit}`}
                  value={quotas.daily.limit}
                  onChange={(limit) => onChange({ ...draft, quotas: { ...quotas, daily: { ...quotas.daily, limit } } })}
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t.quotaPerArticle}</th>
              <td>
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={quotas.perArticle.enabled}
                    onChange={(event) =>
                      onChange({ ...draft, quotas: { ...quotas, perArticle: { ...quotas.perArticle, enabled: event.currentTarget.checked } } })
                    }
                  />
                  {t.enabled}
                </label>
              </td>
              <td>
                <NumberField
                  id="quota-per-article"
                  label={`${t.quotaPerArticle}: ${t.limit}`}
                  value={quotas.perArticle.limit}
                  onChange={(limit) => onChange({ ...draft, quotas: { ...quotas, perArticle: { ...quotas.perArticle, limit } } })}
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t.newAccountLabel}</th>
              <td>
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={newAccount.enabled}
                    onChange={(event) => onChange({ ...draft, newAccount: { ...newAccount, enabled: event.currentTarget.checked } })}
                  />
                  {t.enabled}
                </label>
              </td>
              <td>
                <NumberField
                  id="new-account-first"
                  label={t.firstComments}
                  value={newAccount.firstComments}
                  onChange={(firstComments) => onChange({ ...draft, newAccount: { ...newAccount, firstComments } })}
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t.classifierLabel}</th>
              <td>
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={classifier.enabled}
                    onChange={(event) => onChange({ ...draft, classifier: { ...classifier, enabled: event.currentTarget.checked } })}
                  />
                  {t.enabled}
                </label>
              </td>
              <td>
                <NumberField
                  id="classifier-ko"
                  label={t.holdAtKo}
                  value={classifier.ko.holdAt}
                  step={0.01}
                  max={1}
                  onChange={(holdAt) => onChange({ ...draft, classifier: { ...classifier, ko: { ...classifier.ko, holdAt } } })}
                />
                <NumberField
                  id="classifier-en"
                  label={t.holdAtEn}
                  value={classifier.en.holdAt}
                  step={0.01}
                  max={1}
                  onChange={(holdAt) => onChange({ ...draft, classifier: { ...classifier, en: { ...classifier.en, holdAt } } })}
                />
              </td>
            </tr>
          </tbody>
        </table>
        <div class="field">
          <label for="links-action">{t.linksLabel}</label>
          <select
            id="links-action"
            value={draft.links.action}
            onChange={(event) => onChange({ ...draft, links: { ...draft.links, action: event.currentTarget.value as (typeof LINK_ACTIONS)[number] } })}
          >
            {LINK_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t.linkActions[action]}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id="reports-requeue"
          label={t.reportsRequeueAt}
          value={draft.reports.requeueAt}
          min={1}
          onChange={(requeueAt) => onChange({ ...draft, reports: { requeueAt } })}
        />
      </fieldset>
    </div>
  );
}

function ActionSelect({ id, label, value, onChange }: { id: string; label: string; value: Action; onChange: (action: Action) => void }) {
  const { t } = useConsole();
  return (
    <select id={id} aria-label={label} value={value} onChange={(event) => onChange(event.currentTarget.value as Action)}>
      {ACTIONS.map((action) => (
        <option key={action} value={action}>
          {t.actions[action]}
        </option>
      ))}
    </select>
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  onChange: (value: number) => void;
}

function NumberField({ id, label, value, min = 0, max, step = 1, onChange }: NumberFieldProps) {
  return (
    <div class="field field-number">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        value={value}
        onInput={(event) => {
          const next = event.currentTarget.valueAsNumber;
          if (Number.isFinite(next)) onChange(next);
        }}
      />
    </div>
  );
}
