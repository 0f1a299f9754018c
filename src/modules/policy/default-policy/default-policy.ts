import { CLASSIFIER_DEFAULTS, type PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { ALLOW_LIST } from './allow-list.js';
import { INITIALS_BANNED, INITIALS_SUSPECT } from './initials.js';
import { ENGLISH_BANNED, ENGLISH_SUSPECT } from './terms-en.js';
import { KOREAN_BANNED, KOREAN_SUSPECT } from './terms-ko.js';

/**
 * The Standards Board policy the service ships with: seed data for the first stored policy row. Under it an
 * ordinary civil comment from a new account is published at once; profanity, personal data, links and
 * flooding are held or rejected. Quotas follow Naver's (20 comments a day, 3 per article).
 */
export const DEFAULT_POLICY: PolicyDefinition = {
  version: 1,
  name: 'Standards Board default policy (Korean and English)',
  terms: {
    banned: [...KOREAN_BANNED, ...ENGLISH_BANNED],
    suspect: [...KOREAN_SUSPECT, ...ENGLISH_SUSPECT],
    allow: [...ALLOW_LIST],
    initialsBanned: [...INITIALS_BANNED],
    initialsSuspect: [...INITIALS_SUSPECT],
  },
  detectors: {
    phone: { enabled: true, action: 'hold' },
    email: { enabled: true, action: 'hold', spelledOut: true },
    residentNumber: { enabled: true, action: 'reject' },
    card: { enabled: true, action: 'reject' },
    repeat: { enabled: true, action: 'hold', maxCharRun: 30, maxWordRepeats: 10 },
    shouting: { enabled: true, action: 'hold', minLetters: 20, upperRatio: 0.8 },
    duplicate: { enabled: true, action: 'hold', windowSeconds: 24 * 60 * 60, minLength: 10 },
  },
  links: {
    action: 'hold',
    // Public-record sources readers cite; a publisher adds its own domain.
    allowedDomains: ['go.kr', 'korea.kr', 'wikipedia.org'],
  },
  quotas: {
    daily: { enabled: true, limit: 20, action: 'reject' },
    perArticle: { enabled: true, limit: 3, action: 'reject' },
  },
  newAccount: { enabled: false, firstComments: 3, minAccountAgeDays: 0, regularAfterApproved: 3, action: 'hold' },
  watchedAuthors: { enabled: true, action: 'hold' },
  premoderation: { action: 'hold' },
  reports: { requeueAt: 3 },
  toxicity: { enabled: false, holdAt: 0.8, rejectAt: 0.97 },
  classifier: structuredClone(CLASSIFIER_DEFAULTS),
  clauses: {
    'profanity.banned': 'Standards Board Policy 2.1: profanity, slurs and sexual vulgarity',
    'profanity.suspect': 'Standards Board Policy 2.2: insults and threats',
    'profanity.initials': 'Standards Board Policy 2.1: profanity, slurs and sexual vulgarity',
    'classifier.abuse': 'Standards Board Policy 2.2: insults and threats',
    'personal.phone': 'Standards Board Policy 3.1: personal information',
    'personal.email': 'Standards Board Policy 3.1: personal information',
    'personal.rrn': 'Standards Board Policy 3.1: personal information',
    'personal.card': 'Standards Board Policy 3.1: personal information',
    'links.url': 'Standards Board Policy 4.1: advertising and links',
    'flood.repeat': 'Standards Board Policy 4.2: flooding',
    'flood.shouting': 'Standards Board Policy 4.2: flooding',
    'spam.duplicate': 'Standards Board Policy 4.3: repeated posting',
    'quota.daily': 'Standards Board Policy 5.1: comment limits',
    'quota.article': 'Standards Board Policy 5.1: comment limits',
  },
};
