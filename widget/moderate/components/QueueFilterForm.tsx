import { useEffect, useState } from 'preact/hooks';
import { NO_FILTERS, type QueueFilters } from '../queue/queue-filters.js';
import { usePageText } from '../page-text.js';

type FieldName = keyof QueueFilters;

/** Narrows the queue by article, section, rule or author; applied on submit, not per keystroke. */
export function QueueFilterForm({ filters, onApply }: { filters: QueueFilters; onApply: (filters: QueueFilters) => void }) {
  const { t } = usePageText();
  const [draft, setDraft] = useState(filters);
  // A filter set from an item ("only this author") shows up in the fields.
  useEffect(() => setDraft(filters), [JSON.stringify(filters)]);

  const fields: [FieldName, string, string?][] = [
    ['articleId', t.filterArticle],
    ['section', t.filterSection],
    ['rule', t.filterRule, t.filterRulePlaceholder],
    ['authorId', t.filterAuthor],
    ['group', t.filterGroup],
  ];
  const active = Object.values(filters).some((value) => value.trim());

  return (
    <form
      class="filters"
      aria-label={t.filters}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      {fields.map(([name, label, placeholder]) => (
        <div class="field" key={name}>
          <label for={`filter-${name}`}>{label}</label>
          <input
            id={`filter-${name}`}
            type="search"
            value={draft[name]}
            placeholder={placeholder}
            maxLength={128}
            autoComplete="off"
            spellcheck={false}
            onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
          />
        </div>
      ))}
      <div class="form-buttons">
        <button type="submit" class="button">
          {t.applyFilters}
        </button>
        {active && (
          <button type="button" class="button button-quiet" onClick={() => onApply(NO_FILTERS)}>
            {t.clearFilters}
          </button>
        )}
      </div>
    </form>
  );
}
