/** What becomes of a deleted account's comments: kept under the site's stand-in (`anonymise`), or emptied and deleted. */
export type AccountDeletionMode = 'anonymise' | 'delete';

/** What a site decides about readers' accountability and data rights, as in force. */
export interface AccountabilitySettings {
  /** Readers' public profile pages (history, likes received, 30-day self-deletion share). */
  publicProfiles: boolean;
  /** Likes a reader may give a day (0: no cap). */
  likeDailyCap: number;
  /** The least time between two likes of one reader, in seconds (0: none). */
  likeMinGapSeconds: number;
  accountDeletion: AccountDeletionMode;
}

/** What a site chose of its accountability settings: null follows the deployment's default. */
export type AccountabilityChoices = { [K in keyof AccountabilitySettings]: AccountabilitySettings[K] | null };

export const ACCOUNTABILITY_KEYS = [
  'publicProfiles',
  'likeDailyCap',
  'likeMinGapSeconds',
  'accountDeletion',
] as const satisfies readonly (keyof AccountabilitySettings)[];

/** A site as stored. */
export interface SiteRecord {
  id: string;
  name: string;
  allowedOrigins: string[];
  ssoSecret: string | null;
  ssoJwksUrl: string | null;
  /** Login provider ids offered on the site; null: every provider the deployment configures. */
  loginProviders: string[] | null;
  accountability: AccountabilityChoices;
  createdAt: Date;
  updatedAt: Date;
}

export type SiteSettings = Omit<SiteRecord, 'id' | 'createdAt' | 'updatedAt' | 'accountability'> & {
  /** Only the choices named change; left out, a new site follows the deployment's defaults. */
  accountability?: Partial<AccountabilityChoices>;
};
