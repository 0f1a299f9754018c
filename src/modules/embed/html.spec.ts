import { describe, expect, it } from '@jest/globals';
import { escapeHtml, html } from './html.js';

describe('html', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["' onfocus='x", '&#39; onfocus=&#39;x'],
    ['a & b', 'a &amp; b'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
    expect(html`<p title="${raw}">${raw}</p>`.value).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it('keeps nested html as markup and escapes the values inside it', () => {
    const items = ['<b>', 'x'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>&lt;b&gt;</li><li>x</li></ul>');
  });

  it('renders nothing for null, undefined and booleans', () => {
    expect(html`[${null}${undefined}${false}${true}]`.value).toBe('[]');
  });
});
