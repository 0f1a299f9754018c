/** A layer of an article's policy: the site's policy, the article's section, the article itself. */
export type PolicyLayerName = 'site' | 'section' | 'article';

export interface LayeredSettingView<T> {
  value: T;
  layer: PolicyLayerName;
}

/** A layer's changes to the policy above it, as stored (the shape `policyOverridesSchema` validates). */
export type PolicyOverridesView = Record<string, unknown>;

/** The policy an article's comments are judged by, and where each setting came from. */
export interface EffectivePolicyView {
  articleId: string;
  section: string | null;
  /** The site's policy version the layers apply to. */
  policyVersion: number;
  layers: { section: PolicyOverridesView | null; article: PolicyOverridesView | null };
  settings: {
    premoderation: LayeredSettingView<boolean>;
    links: LayeredSettingView<'allow' | 'hold' | 'reject'>;
    newAuthors: LayeredSettingView<{ enabled: boolean; firstComments: number; minAccountAgeDays: number; action: 'hold' | 'reject' }>;
    quotas: {
      daily: LayeredSettingView<{ enabled: boolean; limit: number; action: 'hold' | 'reject' }>;
      perArticle: LayeredSettingView<{ enabled: boolean; limit: number; action: 'hold' | 'reject' }>;
    };
    toxicity: LayeredSettingView<{ enabled: boolean; holdAt: number; rejectAt: number }>;
    reports: LayeredSettingView<{ requeueAt: number }>;
    /** The terms the section and the article add to or take out of the site's lists. */
    terms: { list: 'banned' | 'suspect' | 'allow'; term: string; change: 'added' | 'removed'; layer: 'section' | 'article' }[];
  };
}

export interface SectionPolicyView {
  section: string;
  overrides: PolicyOverridesView;
}

export interface SectionPolicyList {
  sections: SectionPolicyView[];
}
