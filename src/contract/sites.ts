/** A site as the operators' API shows it: its secret is never sent back, only whether one is set. */
export interface SiteView {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecretSet: boolean;
  ssoJwksUrl: string | null;
  loginProviders: string[] | null;
  createdAt: string;
  updatedAt: string;
}

export interface SiteList {
  sites: SiteView[];
}
