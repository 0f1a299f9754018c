import type { AppConfig } from '@/config/config.js';
import { COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './page-layout.js';

type Action = 'allow' | 'hold' | 'reject';

/** The numbers and actions the page states, taken from the policy the service ships and its configuration. */
interface PolicyFacts {
  maxLength: number;
  daily: number;
  perArticle: number;
  rate: { count: number; windowSeconds: number };
  duplicateHours: number;
  maxCharRun: number;
  requeueAt: number;
  linkDomains: readonly string[];
  /** Phone and e-mail share a rule clause and an action, as do resident registration and card numbers. */
  act: { phone: Action; rrn: Action; links: Action; repeat: Action; duplicate: Action; quota: Action };
}

function policyFacts(p: PolicyDefinition, config: AppConfig): PolicyFacts {
  return {
    maxLength: COMMENT_MAX_LENGTH,
    daily: p.quotas.daily.limit,
    perArticle: p.quotas.perArticle.limit,
    rate: config.rateLimits.comment,
    duplicateHours: Math.round(p.detectors.duplicate.windowSeconds / 3600),
    maxCharRun: p.detectors.repeat.maxCharRun,
    requeueAt: p.reports.requeueAt,
    linkDomains: p.links.allowedDomains,
    act: {
      phone: p.detectors.phone.action,
      rrn: p.detectors.residentNumber.action,
      links: p.links.action,
      repeat: p.detectors.repeat.action,
      duplicate: p.detectors.duplicate.action,
      quota: p.quotas.daily.action,
    },
  };
}

const EN_ACTION: Record<Action, string> = { allow: 'are published', hold: 'are held until a moderator has read them', reject: 'are refused' };
const KO_ACTION: Record<Action, string> = { allow: '그대로 게시됩니다', hold: '운영진이 읽은 뒤에 게시 여부가 정해집니다', reject: '등록되지 않습니다' };

function english(f: PolicyFacts): SafeHtml {
  return html`<section id="en" lang="en">
<h2>Standards Board Policy</h2>
<p>The comments under our articles are for talking about the story with other readers. Every comment is checked against these rules the moment it is posted. A comment that breaks a rule is either held for a moderator or refused at once, and the comment box tells you which rule applied and why.</p>

<h3>1. Length</h3>
<p>A comment is at most ${f.maxLength} characters. We count characters as you see them: an emoji, a flag or a Korean syllable is one character, however it is stored. Spaces at the start and the end do not count. The counter beside the comment box ("0/${f.maxLength}자") counts exactly the way we do.</p>

<h3>2. Respect (2.1, 2.2)</h3>
<ul>
<li><strong>2.1 Profanity, slurs and sexual vulgarity</strong> are refused. This includes disguised spellings: letters replaced by numbers or symbols ("sh1t", "f*ck"), letters split up by spaces or dots, look-alike letters from other alphabets, and Korean swear words shortened to their first consonants (such as "ㅅㅂ"). Ordinary words that only happen to contain such letters are fine.</li>
<li><strong>2.2 Insults and threats</strong>, and words that are offensive only in some contexts, are held until a moderator has read them in context.</li>
</ul>

<h3>3. Personal information (3.1)</h3>
<p>Do not post anyone's personal information, your own included. Comments with phone numbers or e-mail addresses (also spelled out, like "kim at example dot com") ${EN_ACTION[f.act.phone]}. Comments with resident registration numbers or card numbers ${EN_ACTION[f.act.rrn]}.</p>

<h3>4. Advertising, links and flooding (4.1–4.3)</h3>
<ul>
<li><strong>4.1 Links:</strong> comments with links ${EN_ACTION[f.act.links]}, except links to public records: ${f.linkDomains.join(', ')}.</li>
<li><strong>4.2 Flooding:</strong> comments with long runs of the same characters (more than ${f.maxCharRun}), the same word over and over, or written mostly in capital letters ${EN_ACTION[f.act.repeat]}.</li>
<li><strong>4.3 Repeats:</strong> comments that repeat one you posted in the last ${f.duplicateHours} hours ${EN_ACTION[f.act.duplicate]}.</li>
</ul>

<h3>5. Limits (5.1)</h3>
<p>Each reader may post at most ${f.daily} comments a day and ${f.perArticle} under any one article; comments past these limits ${EN_ACTION[f.act.quota]}. To keep automated posting out, no one can post more than ${f.rate.count} comments in ${f.rate.windowSeconds} seconds.</p>

<h3>6. Review, premoderation and reports</h3>
<ul>
<li>A held comment is shown to its author, marked "awaiting review", and to no one else until a moderator approves it. Moderators give a reason for each decision, and every decision is recorded.</li>
<li>Under some articles every comment waits for a moderator before it appears (premoderation), usually on sensitive stories.</li>
<li>Any logged-in reader can report a comment as spam, abuse, personal information, off topic or something else. A comment reported by ${f.requeueAt} readers is taken out of view until a moderator has looked at it.</li>
<li>Accounts that break these rules again and again may be suspended for a time or banned from writing.</li>
</ul>
</section>`;
}

function korean(f: PolicyFacts): SafeHtml {
  return html`<section id="ko" lang="ko">
<h2>댓글 운영 원칙 (Standards Board Policy)</h2>
<p>기사 댓글은 기사에 대해 다른 독자와 이야기하는 공간입니다. 모든 댓글은 등록하는 순간 아래 원칙에 따라 확인됩니다. 원칙에 어긋나는 댓글은 운영진 검토로 넘어가거나 바로 등록이 거부되며, 어느 원칙 때문인지 댓글 입력란에 안내됩니다.</p>

<h3>1. 글자 수</h3>
<p>댓글은 ${f.maxLength}자까지 쓸 수 있습니다. 글자는 눈에 보이는 대로 셉니다. 이모지, 국기, 한글 한 음절은 저장 방식과 상관없이 한 글자입니다. 앞뒤 공백은 세지 않습니다. 댓글 입력란 옆의 "0/${f.maxLength}자" 표시는 서버와 똑같은 방식으로 셉니다.</p>

<h3>2. 존중 (2.1, 2.2)</h3>
<ul>
<li><strong>2.1 욕설, 비하 표현, 성적인 표현</strong>은 등록되지 않습니다. 숫자나 기호로 바꿔 쓴 글자, 띄어쓰기나 점으로 나눈 글자, 다른 문자로 비슷하게 쓴 글자, "ㅅㅂ"처럼 초성으로 줄인 욕설도 마찬가지입니다. 우연히 같은 글자가 들어간 평범한 낱말("시발점" 등)은 괜찮습니다.</li>
<li><strong>2.2 모욕과 위협</strong>, 그리고 맥락에 따라 모욕이 될 수 있는 표현은 운영진이 맥락을 읽은 뒤에 게시 여부가 정해집니다.</li>
</ul>

<h3>3. 개인정보 (3.1)</h3>
<p>본인 것을 포함해 누구의 개인정보도 올리지 마세요. 전화번호나 이메일 주소("kim 골뱅이 example 닷 com"처럼 풀어 쓴 것 포함)가 들어간 댓글은 ${KO_ACTION[f.act.phone]}. 주민등록번호나 카드 번호가 들어간 댓글은 ${KO_ACTION[f.act.rrn]}.</p>

<h3>4. 광고, 링크, 도배 (4.1–4.3)</h3>
<ul>
<li><strong>4.1 링크:</strong> 링크가 들어간 댓글은 ${KO_ACTION[f.act.links]}. 공공 기록 출처(${f.linkDomains.join(', ')})로 가는 링크는 예외입니다.</li>
<li><strong>4.2 도배:</strong> 같은 글자를 길게(${f.maxCharRun}자 넘게) 반복하거나, 같은 낱말을 되풀이하거나, 대부분 대문자로 쓴 댓글은 ${KO_ACTION[f.act.repeat]}.</li>
<li><strong>4.3 반복 게시:</strong> ${f.duplicateHours}시간 안에 같은 댓글을 다시 올리면 ${KO_ACTION[f.act.duplicate]}.</li>
</ul>

<h3>5. 작성 한도 (5.1)</h3>
<p>한 사람이 하루에 ${f.daily}개, 한 기사에 ${f.perArticle}개까지 댓글을 쓸 수 있으며, 한도를 넘는 댓글은 ${KO_ACTION[f.act.quota]}. 자동 게시를 막기 위해 ${f.rate.windowSeconds}초에 ${f.rate.count}개보다 많이 올릴 수 없습니다.</p>

<h3>6. 검토, 사전 검토, 신고</h3>
<ul>
<li>검토 중인 댓글은 "검토 중" 표시와 함께 작성자에게만 보이며, 운영진이 승인해야 다른 독자에게 보입니다. 운영진은 결정마다 이유를 남기고, 모든 결정은 기록됩니다.</li>
<li>민감한 기사에는 모든 댓글이 운영진 검토를 거친 뒤에 게시되기도 합니다(사전 검토).</li>
<li>로그인한 독자는 댓글을 스팸·광고, 욕설·비방, 개인정보 노출, 기사와 무관한 내용, 기타 사유로 신고할 수 있습니다. 독자 ${f.requeueAt}명이 신고한 댓글은 운영진이 확인할 때까지 보이지 않습니다.</li>
<li>원칙을 거듭 어기는 계정은 일정 기간 또는 영구히 댓글 작성이 제한될 수 있습니다.</li>
</ul>
</section>`;
}

/**
 * The Standards Board policy in plain words, English then Korean (`#en`, `#ko`). It states the
 * policy the service ships with: the policy module does not yet export the version in force.
 */
export function renderPolicyPage(config: AppConfig, definition: PolicyDefinition): string {
  const facts = policyFacts(definition, config);
  const main = html`<article class="policy">
<p class="kicker">Comment Desk</p>
<h1>Standards Board Policy · 댓글 운영 원칙</h1>
<p class="languages"><a href="#en">English</a> · <a href="#ko" lang="ko">한국어</a></p>
${english(facts)}
${korean(facts)}
</article>`;
  return renderPage({ lang: 'en', title: 'Standards Board Policy · 댓글 운영 원칙', main });
}
