/** A site as stored. */
export interface SiteRecord {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecret: string | null;
  ssoJwksUrl: string | null;
  /** Login provider ids offered on the site; null: every provider the deployment configures. */
  loginProviders: string[] | null;
  createdAt: Date;
  updatedAt: Date;
}

export type SiteSettings = Omit<SiteRecord, 'id' | 'createdAt' | 'updatedAt'>;
