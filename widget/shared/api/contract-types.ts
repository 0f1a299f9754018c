// The shapes of the public HTTP contract (shared/contract/http-api.md) that both the reader widget
// and the moderator page read.

export type ProviderKind = 'oauth2' | 'oidc' | 'sso' | 'dev';

export interface Provider {
  id: string;
  name: string;
  kind: ProviderKind;
  loginUrl: string;
}

export type Role = 'reader' | 'moderator' | 'admin';

export interface User {
  id: string;
  displayName: string;
  provider: string;
  role: Role;
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: string | null;
}

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: User;
}

export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';

export interface Comment {
  id: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
  replyCount: number;
  likeCount: number;
  /** Only in lists fetched with a reader's token. */
  likedByMe?: boolean;
}

export type ReportReason = 'spam' | 'abuse' | 'personal_info' | 'off_topic' | 'other';
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'abuse', 'personal_info', 'off_topic', 'other'];
