/** The contract's `Article`, with its section and times added. */
export interface ArticleView {
  id: string;
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
}
