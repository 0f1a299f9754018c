import { DEMO_ARTICLE } from './demo-article.js';
import { html } from './html.js';
import { renderPage } from './page-layout.js';

const SEOUL_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Seoul',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * The demo article laid out like the newspaper's page, with the comments embedded below it by the
 * same two lines a publisher adds to theirs (the loader from `serviceOrigin`).
 */
export function renderDemoPage(serviceOrigin: string): string {
  const article = DEMO_ARTICLE;
  const main = html`<article class="story">
<p class="kicker">${capitalise(article.section)} · ${article.outlet}</p>
<h1>${article.title}</h1>
<p class="byline">By <strong>${article.byline}</strong>, ${article.outlet}</p>
<p class="dateline">Published <time datetime="${article.publishedAt}">${seoulTime(article.publishedAt)}</time> · Updated <time datetime="${article.updatedAt}">${seoulTime(article.updatedAt)}</time> (KST)</p>
<div class="summary">
${article.summary.map((paragraph) => html`<p>${paragraph}</p>\n`)}</div>
<p class="note">${article.summaryNote}</p>
</article>
<section class="comments" aria-label="Comments">
${embedLines(article.id, serviceOrigin)}
</section>`;
  return renderPage({ lang: 'en', title: `${article.title} | ${article.outlet} (Comment Desk demo)`, main });
}

/** The contract's two lines, exactly as a publisher pastes them. */
export function embedLines(articleId: string, serviceOrigin: string) {
  return html`<div data-comments data-article-id="${articleId}"></div>
<script src="${serviceOrigin}/embed.js" async></script>`;
}

function seoulTime(iso: string): string {
  return SEOUL_TIME.format(new Date(iso));
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
