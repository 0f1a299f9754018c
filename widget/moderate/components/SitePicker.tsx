import { useEffect, useState } from 'preact/hooks';
import type { SiteView } from '@/contract/sites.js';
import type { ModerationApi } from '../api/moderation-api.js';
import { usePageText } from '../page-text.js';

const DEFAULT_SITE = 'default';

/**
 * For operators, who work across sites: the site the desk works on. Choosing one names it in the
 * address (`?site=`), from where every later call and the live stream take it.
 */
export function SitePicker({ api, site, onChange }: { api: ModerationApi; site: string | null; onChange: (site: string | null) => void }) {
  const { t } = usePageText();
  const [sites, setSites] = useState<SiteView[] | null>(null);

  useEffect(() => {
    api.sites().then(
      (answer) => setSites(answer.sites),
      // Not an operator after all, or the list failed: the desk stays on the site it is on.
      () => setSites([]),
    );
  }, []);

  if (!sites || sites.length < 2) return null;
  return (
    <div class="site-picker field">
      <label for="desk-site">{t.site}</label>
      <select
        id="desk-site"
        value={site ?? DEFAULT_SITE}
        onChange={(event) => onChange(event.currentTarget.value === DEFAULT_SITE ? null : event.currentTarget.value)}
      >
        {sites.map((option) => (
          <option key={option.id} value={option.id}>
            {option.id === DEFAULT_SITE ? `${option.name} (${t.defaultSite})` : option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
