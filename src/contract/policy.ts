/** What the public is told about the policy (`GET /policy`). */
export interface PolicyInfo {
  maxLength: number;
  lengthUnit: 'grapheme';
  policyUrl: string;
  /** How long after posting its author may still edit a comment. */
  editWindowSeconds: number;
}
