export interface AccountabilityView {
  publicProfiles: boolean;
  likeDailyCap: number;
  likeMinGapSeconds: number;
  accountDeletion: 'anonymise' | 'delete';
}

/** A site as the operators' API shows it: its secret is never sent back, only whether one is set. */
export interface SiteView {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecretSet: boolean;
  ssoJwksUrl: string | null;
  loginProviders: string[] | null;
  /** The site's accountability settings in force (its own choices, else the deployment's defaults). */
  accountability: AccountabilityView;
  /** Which of them follow the deployment's default rather than a choice of the site's. */
  accountabilityInherited: (keyof AccountabilityView)[];
  createdAt: string;
  updatedAt: string;
}

export interface SiteList {
  sites: SiteView[];
}
