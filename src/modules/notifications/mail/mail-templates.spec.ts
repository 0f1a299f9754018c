import { describe, expect, it } from '@jest/globals';
import { type MailItem, renderMail } from './mail-templates.js';

const article = { title: 'Budget <vote>', url: 'https://news.example.com/a/1' };
const reply: MailItem = { kind: 'reply', replierName: 'Kim <b>', replyBody: 'I agree & more', article };

describe('renderMail', () => {
  it.each([
    ['ko', '님이 회원님의 댓글에 답글을 남겼습니다', '이 알림 그만 받기'],
    ['en', 'replied to your comment', 'Stop these notifications'],
  ] as const)('writes a reply mail in %s with its unsubscribe link', (locale, subjectPart, unsubscribe) => {
    const mail = renderMail(locale, [reply], 'https://desk.example.com/unsubscribe?token=t');
    expect(mail.subject).toContain(subjectPart);
    expect(mail.text).toContain(`${unsubscribe}: https://desk.example.com/unsubscribe?token=t`);
    expect(mail.html).toContain('href="https://desk.example.com/unsubscribe?token=t"');
  });

  it('escapes every value in the HTML part', () => {
    const mail = renderMail('en', [reply], 'https://desk.example.com/unsubscribe?token=t');
    expect(mail.html).toContain('Kim &lt;b&gt;');
    expect(mail.html).toContain('Budget &lt;vote&gt;');
    expect(mail.html).not.toContain('<b>');
  });

  it('gives a rejected decision its reason', () => {
    const mail = renderMail('en', [{ kind: 'decision', action: 'reject', reason: 'Personal data', commentBody: 'call me', article }], 'u');
    expect(mail.subject).toBe('Your comment awaiting review was not published');
    expect(mail.text).toContain('Reason: Personal data');
  });

  it('puts several items under one digest subject', () => {
    const mail = renderMail('ko', [reply, reply, { kind: 'standing', action: 'suspend', until: new Date('2026-12-02T00:00:00Z'), reason: null }], 'u');
    expect(mail.subject).toBe('새 알림 3건');
    expect(mail.text).toContain('해제 시각: 2026-12-02T00:00:00.000Z');
  });
});
