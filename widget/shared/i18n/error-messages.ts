import type { Lang } from '../lang.js';

// Every error code of the contract, and what can go wrong in the browser, as readers and moderators
// should read them. Shared by the reader widget and the moderator page.

const en = {
  VALIDATION_FAILED: 'Something in the request was not valid. Please check it and try again.',
  AUTH_REQUIRED: 'Please log in to do this.',
  SSO_TOKEN_INVALID: 'Your login on this site could not be confirmed. Reload the page and try again.',
  FORBIDDEN: 'Your account is not allowed to do this.',
  USER_BANNED: (until: string | null) => (until ? `Your account may not write until ${until}.` : 'Your account may no longer write comments.'),
  ARTICLE_CLOSED: 'Comments on this article are closed.',
  NOT_FOUND: 'This comment or article is no longer there.',
  ALREADY_DECIDED: 'A moderator has already decided on this comment.',
  COMMENT_DECIDED: 'A moderator has already reviewed this comment, so it can no longer be edited.',
  CANNOT_FEATURE: 'Only a published comment, not a reply, can be featured.',
  EDIT_WINDOW_CLOSED: 'The time for editing this comment has passed.',
  REQUEST_IN_PROGRESS: 'Your comment is still being posted. Please wait a moment.',
  PAYLOAD_TOO_LARGE: 'This text is too large to send.',
  COMMENT_EMPTY: 'Write something before posting.',
  COMMENT_TOO_LONG: (limit: number, length: number) => `A comment can be at most ${limit} characters; this one has ${length}.`,
  IDEMPOTENCY_KEY_REUSED: 'The comment changed while it was being sent. Please post it again.',
  POLICY_REJECTED: 'The Standards Board Policy does not allow this comment:',
  RATE_LIMITED: (seconds: number | null) =>
    seconds ? `That was too often. Please try again in ${seconds} seconds.` : 'That was too often. Please try again shortly.',
  INTERNAL: 'Something went wrong on our side. Please try again.',
  SERVICE_UNAVAILABLE: 'The comment service is briefly unavailable. Please try again shortly.',
  NETWORK: 'The comment service could not be reached. Check your connection and try again.',
  POPUP_BLOCKED: 'The login window was blocked. Allow pop-ups for this site and try again.',
  LOGIN_CANCELLED: 'The login window was closed before you logged in.',
  LOGIN_FAILED: 'Logging in did not work. Please try again.',
  SSO_TOKEN_MISSING: 'Log in on this news site first; your account then works here too.',
};

export type ErrorMessages = typeof en;

const ko: ErrorMessages = {
  VALIDATION_FAILED: '요청 내용이 올바르지 않습니다. 확인한 뒤 다시 시도하세요.',
  AUTH_REQUIRED: '로그인이 필요합니다.',
  SSO_TOKEN_INVALID: '이 사이트의 로그인 정보를 확인하지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  FORBIDDEN: '이 계정으로는 할 수 없는 작업입니다.',
  USER_BANNED: (until) => (until ? `${until}까지 댓글을 쓸 수 없는 계정입니다.` : '댓글 작성이 영구히 제한된 계정입니다.'),
  ARTICLE_CLOSED: '이 기사의 댓글 작성은 종료되었습니다.',
  NOT_FOUND: '댓글이나 기사가 더 이상 없습니다.',
  ALREADY_DECIDED: '운영진이 이미 이 댓글을 처리했습니다.',
  COMMENT_DECIDED: '운영진이 이미 검토한 댓글이라 수정할 수 없습니다.',
  CANNOT_FEATURE: '게시된 댓글만 추천할 수 있습니다. 답글은 추천할 수 없습니다.',
  EDIT_WINDOW_CLOSED: '댓글을 수정할 수 있는 시간이 지났습니다.',
  REQUEST_IN_PROGRESS: '댓글을 등록하고 있습니다. 잠시 기다려 주세요.',
  PAYLOAD_TOO_LARGE: '보내려는 내용이 너무 큽니다.',
  COMMENT_EMPTY: '댓글 내용을 입력하세요.',
  COMMENT_TOO_LONG: (limit, length) => `댓글은 ${limit}자까지 쓸 수 있습니다. 지금 ${length}자입니다.`,
  IDEMPOTENCY_KEY_REUSED: '보내는 동안 댓글 내용이 바뀌었습니다. 다시 등록하세요.',
  POLICY_REJECTED: '댓글 운영 원칙에 따라 이 댓글은 등록할 수 없습니다:',
  RATE_LIMITED: (seconds) => (seconds ? `너무 자주 시도했습니다. ${seconds}초 뒤에 다시 시도하세요.` : '너무 자주 시도했습니다. 잠시 뒤에 다시 시도하세요.'),
  INTERNAL: '일시적인 오류가 발생했습니다. 다시 시도하세요.',
  SERVICE_UNAVAILABLE: '댓글 서비스를 잠시 사용할 수 없습니다. 잠시 뒤에 다시 시도하세요.',
  NETWORK: '댓글 서비스에 연결하지 못했습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
  POPUP_BLOCKED: '로그인 창이 차단되었습니다. 이 사이트의 팝업을 허용한 뒤 다시 시도하세요.',
  LOGIN_CANCELLED: '로그인하기 전에 로그인 창이 닫혔습니다.',
  LOGIN_FAILED: '로그인하지 못했습니다. 다시 시도하세요.',
  SSO_TOKEN_MISSING: '먼저 이 뉴스 사이트에 로그인하세요. 그러면 여기서도 그 계정을 쓸 수 있습니다.',
};

export const ERROR_MESSAGES: Record<Lang, ErrorMessages> = { en, ko };
