/** What the public is told about the policy (`GET /policy`). */
export interface PolicyInfo {
  maxLength: number;
  lengthUnit: 'grapheme';
  policyUrl: string;
  /** How long after posting its author may still edit a comment. */
  editWindowSeconds: number;
}

/** One stored version of a site's policy, as its history lists it. */
export interface PolicyVersionView {
  version: number;
  createdAt: string;
  /** Null for the shipped default. */
  createdBy: { id: string; displayName: string } | null;
  reason: string | null;
}

export interface PolicyVersionPage {
  items: PolicyVersionView[];
  nextCursor: string | null;
}

export interface PolicyVersionDetail extends PolicyVersionView {
  definition: unknown;
}

/** What changed from version `from` to version `to`. */
export interface PolicyDiffView {
  from: number;
  to: number;
  rules: { path: string; before: unknown; after: unknown }[];
  terms: { list: string; added: string[]; removed: string[] }[];
}
