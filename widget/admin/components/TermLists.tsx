import { useState } from 'preact/hooks';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import type { TermListName } from '../api/admin-api.js';
import { useConsole } from '../admin-text.js';
import { TERM_LISTS } from '../policy/draft.js';

/** More would make a page of buttons nobody reads; the search narrows it. */
const SHOWN = 200;

/** One term list at a time: search it, add to it, remove from it; the changes go to the draft. */
export function TermLists({ draft, onChange }: { draft: PolicyDefinition; onChange: (draft: PolicyDefinition) => void }) {
  const { t, say } = useConsole();
  const [list, setList] = useState<TermListName>('banned');
  const [search, setSearch] = useState('');
  const [newTerm, setNewTerm] = useState('');
  const terms = draft.terms[list];
  const needle = search.trim().toLowerCase();
  const matching = needle ? terms.filter((term) => term.toLowerCase().includes(needle)) : terms;
  const shown = matching.slice(0, SHOWN);

  const setTerms = (next: string[]) => onChange({ ...draft, terms: { ...draft.terms, [list]: next } });

  const add = (): void => {
    const term = newTerm.trim();
    if (!term) return;
    if (terms.includes(term)) return say(t.termExists(term), true);
    setTerms([...terms, term]);
    setNewTerm('');
    say(t.termAdded(term));
  };

  return (
    <section class="term-lists" aria-labelledby="terms-heading">
      <h3 id="terms-heading">{t.termsHeading}</h3>
      <div class="filters">
        <div class="field">
          <label for="term-list">{t.termList}</label>
          <select id="term-list" value={list} onChange={(event) => setList(event.currentTarget.value as TermListName)}>
            {TERM_LISTS.map((name) => (
              <option key={name} value={name}>
                {t.termLists[name]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="term-search">{t.termSearch}</label>
          <input id="term-search" type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
        </div>
        <form
          class="inline-field"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <div class="field">
            <label for="new-term">{t.newTerm}</label>
            <input id="new-term" type="text" maxLength={100} value={newTerm} onInput={(event) => setNewTerm(event.currentTarget.value)} />
          </div>
          <button type="submit" class="button" disabled={!newTerm.trim()}>
            {t.addTerm}
          </button>
        </form>
      </div>
      <p class="muted" aria-live="polite">
        {t.termCount(shown.length, terms.length)}
      </p>
      <ul class="terms" aria-label={t.termLists[list]}>
        {shown.map((term) => (
          <li key={term} class="term">
            <span>{term}</span>
            <button type="button" class="link-button" aria-label={t.removeTerm(term)} onClick={() => setTerms(terms.filter((other) => other !== term))}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
