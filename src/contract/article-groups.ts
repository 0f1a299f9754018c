/** A saved group of articles (one story told over several pieces), for following it in the queues. */
export interface ArticleGroupView {
  id: string;
  name: string;
  articleIds: string[];
  createdAt: string;
}

export interface ArticleGroupList {
  groups: ArticleGroupView[];
}
