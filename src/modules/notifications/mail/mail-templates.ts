import { html, type SafeHtml } from '@/modules/embed/html.js';

/** Pure: what one mail says, in Korean or English. Every value in the HTML part is escaped. */

export type MailLocale = 'ko' | 'en';

interface ArticleRef {
  title: string;
  url: string;
}

export type MailItem =
  | { kind: 'reply'; replierName: string; replyBody: string; article: ArticleRef }
  | { kind: 'decision'; action: 'approve' | 'reject'; reason: string | null; commentBody: string; article: ArticleRef }
  | { kind: 'standing'; action: 'ban' | 'suspend'; until: Date | null; reason: string | null }
  | { kind: 'confirm-email'; confirmUrl: string };

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

interface Paragraphs {
  title: string;
  lines: string[];
  link?: { label: string; url: string };
}

const TEXTS = {
  ko: {
    digest: (count: number) => `새 알림 ${count}건`,
    reply: (item: Extract<MailItem, { kind: 'reply' }>): Paragraphs => ({
      title: `${item.replierName} 님이 회원님의 댓글에 답글을 남겼습니다`,
      lines: [`“${item.replyBody}”`, `기사: ${item.article.title}`],
      link: { label: '답글 보기', url: item.article.url },
    }),
    decision: (item: Extract<MailItem, { kind: 'decision' }>): Paragraphs => ({
      title: item.action === 'approve' ? '검토를 기다리던 댓글이 게시되었습니다' : '검토를 기다리던 댓글이 게시되지 않았습니다',
      lines: [`“${item.commentBody}”`, `기사: ${item.article.title}`, ...(item.reason ? [`사유: ${item.reason}`] : [])],
      link: { label: '기사 보기', url: item.article.url },
    }),
    standing: (item: Extract<MailItem, { kind: 'standing' }>): Paragraphs => ({
      title: item.action === 'ban' ? '댓글 작성이 영구히 제한되었습니다' : '댓글 작성이 일시적으로 제한되었습니다',
      lines: [...(item.until ? [`해제 시각: ${item.until.toISOString()}`] : []), ...(item.reason ? [`사유: ${item.reason}`] : [])],
    }),
    confirm: (item: Extract<MailItem, { kind: 'confirm-email' }>): Paragraphs => ({
      title: '알림을 받을 이메일 주소를 확인해 주세요',
      lines: ['직접 요청하지 않았다면 이 메일을 무시하세요. 확인하기 전에는 알림을 보내지 않습니다.'],
      link: { label: '주소 확인', url: item.confirmUrl },
    }),
    unsubscribe: '이 알림 그만 받기',
    footer: 'Comment Desk 알림 설정에 따라 보낸 메일입니다.',
  },
  en: {
    digest: (count: number) => `${count} new notifications`,
    reply: (item: Extract<MailItem, { kind: 'reply' }>): Paragraphs => ({
      title: `${item.replierName} replied to your comment`,
      lines: [`“${item.replyBody}”`, `Article: ${item.article.title}`],
      link: { label: 'See the reply', url: item.article.url },
    }),
    decision: (item: Extract<MailItem, { kind: 'decision' }>): Paragraphs => ({
      title: item.action === 'approve' ? 'Your comment awaiting review is published' : 'Your comment awaiting review was not published',
      lines: [`“${item.commentBody}”`, `Article: ${item.article.title}`, ...(item.reason ? [`Reason: ${item.reason}`] : [])],
      link: { label: 'Open the article', url: item.article.url },
    }),
    standing: (item: Extract<MailItem, { kind: 'standing' }>): Paragraphs => ({
      title: item.action === 'ban' ? 'You can no longer post comments' : 'You cannot post comments for a while',
      lines: [...(item.until ? [`Until: ${item.until.toISOString()}`] : []), ...(item.reason ? [`Reason: ${item.reason}`] : [])],
    }),
    confirm: (item: Extract<MailItem, { kind: 'confirm-email' }>): Paragraphs => ({
      title: 'Please confirm the address for your notifications',
      lines: ['If you did not ask for this, ignore this mail. Nothing is sent to this address until it is confirmed.'],
      link: { label: 'Confirm the address', url: item.confirmUrl },
    }),
    unsubscribe: 'Stop these notifications',
    footer: 'Sent by Comment Desk because of your notification settings.',
  },
} as const;

function paragraphs(locale: MailLocale, item: MailItem): Paragraphs {
  const texts = TEXTS[locale];
  switch (item.kind) {
    case 'reply':
      return texts.reply(item);
    case 'decision':
      return texts.decision(item);
    case 'standing':
      return texts.standing(item);
    case 'confirm-email':
      return texts.confirm(item);
  }
}

/** One mail for one item, or a digest of several; `unsubscribeUrl` is absent only for a confirmation. */
export function renderMail(locale: MailLocale, items: MailItem[], unsubscribeUrl: string | undefined): RenderedMail {
  const texts = TEXTS[locale];
  const parts = items.map((item) => paragraphs(locale, item));
  const subject = parts.length === 1 ? parts[0]!.title : texts.digest(parts.length);
  const textBlocks = parts.map((part) => [part.title, ...part.lines, ...(part.link ? [`${part.link.label}: ${part.link.url}`] : [])].join('\n'));
  const footer = unsubscribeUrl ? [texts.footer, `${texts.unsubscribe}: ${unsubscribeUrl}`] : [];
  const text = [...textBlocks, ...(footer.length ? [footer.join('\n')] : [])].join('\n\n') + '\n';
  const blocks: SafeHtml[] = parts.map(
    (part) =>
      html`<section><h2>${part.title}</h2>${part.lines.map((line) => html`<p>${line}</p>`)}${part.link ? html`<p><a href="${part.link.url}">${part.link.label}</a></p>` : ''}</section>`,
  );
  const body = html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${subject}</title></head><body>${blocks}${
    unsubscribeUrl ? html`<footer><p>${texts.footer}</p><p><a href="${unsubscribeUrl}">${texts.unsubscribe}</a></p></footer>` : ''
  }</body></html>`;
  return { subject, text, html: body.value };
}
