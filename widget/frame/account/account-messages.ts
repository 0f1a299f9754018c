import type { Lang } from '@widget/shared/lang.js';

// The account section's and the profile view's words, kept apart from the widget's main messages.

const en = {
  myAccount: 'My account',
  notifications: 'Mail notifications',
  email: 'E-mail address',
  unconfirmed: 'Not confirmed yet: follow the link we mailed to this address.',
  onReply: 'Replies to my comments',
  onDecision: "Moderators' decisions on my held comments",
  onStanding: 'Bans and suspensions of my account',
  delivery: 'When',
  deliveries: { immediate: 'At once', hourly: 'Hourly digest', daily: 'Daily digest' },
  language: 'Language',
  save: 'Save',
  saved: 'Saved.',
  myData: 'My data',
  download: 'Download my data (JSON)',
  deleteAccount: 'Delete my account',
  deleteExplained:
    'Your logins and settings are removed; your comments stay without your name, or are deleted, as this site decided. Type your display name to confirm.',
  deleteConfirm: 'Delete for good',
  profileOf: (name: string) => `${name}'s comments`,
  joined: (date: string) => `Joined ${date}`,
  likesReceived: (count: number) => `${count} likes received`,
  deletionRatio: (percent: number, written: number) => `Deleted ${percent}% of own ${written} comments in the last 30 days`,
  close: 'Close',
};

const ko: typeof en = {
  myAccount: '내 계정',
  notifications: '메일 알림',
  email: '이메일 주소',
  unconfirmed: '아직 확인되지 않았습니다. 이 주소로 보낸 메일의 링크를 눌러 주세요.',
  onReply: '내 댓글에 달린 답글',
  onDecision: '검토 중인 내 댓글에 대한 운영자 결정',
  onStanding: '내 계정의 이용 제한',
  delivery: '받는 방식',
  deliveries: { immediate: '바로', hourly: '1시간마다 모아서', daily: '하루에 한 번 모아서' },
  language: '언어',
  save: '저장',
  saved: '저장했습니다.',
  myData: '내 데이터',
  download: '내 데이터 내려받기 (JSON)',
  deleteAccount: '계정 삭제',
  deleteExplained: '로그인 정보와 설정이 삭제되고, 댓글은 이 사이트의 설정에 따라 이름 없이 남거나 삭제됩니다. 확인을 위해 표시 이름을 입력하세요.',
  deleteConfirm: '영구 삭제',
  profileOf: (name: string) => `${name} 님의 댓글`,
  joined: (date: string) => `${date} 가입`,
  likesReceived: (count: number) => `받은 공감 ${count}개`,
  deletionRatio: (percent: number, written: number) => `최근 30일 작성 ${written}개 중 자진 삭제 ${percent}%`,
  close: '닫기',
};

export const ACCOUNT_MESSAGES: Record<Lang, typeof en> = { en, ko };
