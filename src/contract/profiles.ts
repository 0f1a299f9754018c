/** `GET /api/v1/users/{userId}/profile`: a reader's public record, where the site shows one. */
export interface PublicProfile {
  user: { id: string; displayName: string; joinedAt: string };
  /** Likes on the reader's comments that are on show. */
  likesReceived: number;
  /** Comments written in the last 30 days, and how many of them their author deleted. */
  last30Days: { written: number; deletedByAuthor: number; deletionRatio: number };
  /** Published comments, newest first, each with its article. */
  comments: { id: string; body: string; createdAt: string; likeCount: number; article: { id: string; title: string; url: string } }[];
}
