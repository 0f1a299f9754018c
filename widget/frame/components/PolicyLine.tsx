import type { PolicyInfo } from '@/contract/policy.js';
import { useWidget } from '../widget-context.js';

const WARN_AT = 230;

/** "Standards Board Policy (n/250자)": the policy link and the live counter beside it, as on the newspaper's page. */
export function PolicyLine({ policy, length, tooLong, counterId }: { policy: PolicyInfo; length: number; tooLong?: boolean; counterId?: string }) {
  const { t, lang } = useWidget();
  const max = policy.maxLength;
  // `tooLong` also covers a text over the rule's code unit bound, however few graphemes it counts.
  const level = tooLong || length > max ? 'over' : length >= WARN_AT ? 'warn' : 'ok';
  return (
    <p class="policy-line">
      <a href={policyHref(policy.policyUrl, lang)} target="_blank" rel="noopener">
        {t.policyLink}
      </a>{' '}
      (<span id={counterId} class={`counter counter-${level}`}>{`${length}/${max}자`}</span>)
    </p>
  );
}

/** The service's policy page, opened at the reader's language; anything but http(s) is not linked. */
function policyHref(policyUrl: string, lang: string): string | undefined {
  try {
    const url = new URL(policyUrl, location.origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.hash = lang;
    return url.href;
  } catch {
    return undefined;
  }
}
