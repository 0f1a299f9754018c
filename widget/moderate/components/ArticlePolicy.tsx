import { useState } from 'preact/hooks';
import type { EffectivePolicyView, LayeredSettingView } from '@/contract/effective-policy.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { usePageText } from '../page-text.js';

type Loaded = { kind: 'idle' | 'loading' } | { kind: 'ready'; policy: EffectivePolicyView } | { kind: 'error'; message: string };

/**
 * The policy an article's comments are judged by, each setting with the layer it comes from (the
 * site, the article's section, the article), loaded when a moderator opens it.
 */
export function ArticlePolicy({ title, load }: { title: string; load: () => Promise<EffectivePolicyView> }) {
  const { t, lang } = usePageText();
  const [state, setState] = useState<Loaded>({ kind: 'idle' });

  const onToggle = (event: Event): void => {
    if (!(event.currentTarget as HTMLDetailsElement).open || state.kind === 'loading' || state.kind === 'ready') return;
    setState({ kind: 'loading' });
    load().then(
      (policy) => setState({ kind: 'ready', policy }),
      (failure: unknown) => setState({ kind: 'error', message: describeError(failure, t, lang).message }),
    );
  };

  return (
    <details class="article-policy" onToggle={onToggle}>
      <summary>{t.articlePolicy}</summary>
      {state.kind === 'loading' && <p class="muted">{t.loading}</p>}
      {state.kind === 'error' && <p class="notice notice-error">{state.message}</p>}
      {state.kind === 'ready' && <PolicySettings title={title} policy={state.policy} />}
    </details>
  );
}

function PolicySettings({ title, policy }: { title: string; policy: EffectivePolicyView }) {
  const { t } = usePageText();
  const { settings } = policy;
  const onOff = (enabled: boolean) => (enabled ? t.on : t.off);
  const rows: [string, LayeredSettingView<unknown>, string][] = [
    [t.policySettings.premoderation, settings.premoderation, onOff(settings.premoderation.value)],
    [t.policySettings.links, settings.links, settings.links.value],
    [t.policySettings.newAuthors, settings.newAuthors, enabledWith(settings.newAuthors.value, onOff, (v) => `${v.firstComments} · ${v.action}`)],
    [t.policySettings.daily, settings.quotas.daily, enabledWith(settings.quotas.daily.value, onOff, (v) => `${v.limit} · ${v.action}`)],
    [t.policySettings.perArticle, settings.quotas.perArticle, enabledWith(settings.quotas.perArticle.value, onOff, (v) => `${v.limit} · ${v.action}`)],
    [t.policySettings.toxicity, settings.toxicity, enabledWith(settings.toxicity.value, onOff, (v) => `${v.holdAt} / ${v.rejectAt}`)],
    [t.policySettings.reports, settings.reports, String(settings.reports.value.requeueAt)],
  ];
  return (
    <div class="policy-settings">
      <p class="muted">
        {t.policyVersion(policy.policyVersion)}
        {policy.section && ` · ${t.section} ${policy.section}`}
      </p>
      <table aria-label={t.articlePolicyLabel(title)}>
        <tbody>
          {rows.map(([name, setting, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
              <td>
                <span class={`badge badge-layer-${setting.layer}`}>{t.layers[setting.layer]}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {settings.terms.length > 0 && (
        <>
          <p class="minor-heading">{t.termChanges}</p>
          <ul class="term-changes">
            {settings.terms.map((change) => (
              <li key={`${change.list}:${change.term}`}>
                {t.termChange(change.term, change.change, change.list)} <span class={`badge badge-layer-${change.layer}`}>{t.layers[change.layer]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function enabledWith<T extends { enabled: boolean }>(value: T, onOff: (enabled: boolean) => string, detail: (value: T) => string): string {
  return value.enabled ? `${onOff(true)} · ${detail(value)}` : onOff(false);
}
