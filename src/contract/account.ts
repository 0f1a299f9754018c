/** `GET /api/v1/me/export`: everything the service holds about the caller. */
export interface AccountExport {
  exportedAt: string;
  user: { id: string; displayName: string; provider: string; role: string; status: string; createdAt: string };
  identities: { provider: string; subject: string; email: string | null; emailVerified: boolean; createdAt: string }[];
  notificationSettings: {
    email: string | null;
    emailVerified: boolean;
    locale: string;
    reply: boolean;
    decision: boolean;
    standing: boolean;
    delivery: string;
  } | null;
  comments: {
    id: string;
    articleId: string;
    parentId: string | null;
    body: string;
    status: string;
    createdAt: string;
    editedAt: string | null;
    deletedAt: string | null;
    likeCount: number;
    replyCount: number;
    decisionReason: string | null;
    revisions: { body: string; writtenAt: string; replacedAt: string }[];
  }[];
  likes: { commentId: string; createdAt: string }[];
  reports: { commentId: string; reason: string; note: string | null; createdAt: string }[];
}
