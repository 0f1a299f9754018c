import type { Lang } from '../shared/lang.js';

export interface FrameParams {
  articleId: string;
  lang: Lang;
  /**
   * The embedding page's origin. The service answers 403 instead of this frame for an origin it does
   * not allow, so a frame that runs has an allowed one; null when the frame is opened on its own.
   */
  hostOrigin: string | null;
  /** The site the embedding page belongs to (`data-site`); null: the default site. */
  site: string | null;
}

export function readFrameParams(search: string): FrameParams {
  const params = new URLSearchParams(search);
  return {
    articleId: params.get('articleId') ?? '',
    lang: params.get('lang') === 'ko' ? 'ko' : 'en',
    hostOrigin: params.get('origin'),
    site: params.get('site'),
  };
}
