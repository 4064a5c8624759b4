import type { Schemas } from '../shared/api';
import type { MessageKey } from '../shared/i18n';

export type VerificationResult = Schemas['VerificationResult'];

// The server explains a broken chain in English (its message is for logs and tools); the page
// shows the problem's code in the page's language, and the server's text below it.
const problemKeys: Record<string, MessageKey> = {
  'entry.missing': 'auditVerifyProblemMissing',
  'entry.unexpected': 'auditVerifyProblemUnexpected',
  'entry.altered': 'auditVerifyProblemAltered',
  'entry.link_broken': 'auditVerifyProblemLinkBroken',
  'entries.newest_missing': 'auditVerifyProblemNewestMissing',
  'head.mismatch': 'auditVerifyProblemHeadMismatch',
  'checkpoint.signature_invalid': 'auditVerifyProblemCheckpoint',
  'checkpoint.other_ledger': 'auditVerifyProblemCheckpoint',
  'checkpoint.entry_missing': 'auditVerifyProblemCheckpoint',
  'checkpoint.hash_mismatch': 'auditVerifyProblemCheckpoint',
};

/** The message key for a verification problem's code. */
export function verifyProblemKey(code: string): MessageKey {
  return problemKeys[code] ?? 'auditVerifyProblemOther';
}

/** The first characters of a hash, enough to tell entries apart on screen. */
export function hashExcerpt(hash: string | null | undefined, length = 12): string {
  if (!hash) return '';
  return hash.length > length ? `${hash.slice(0, length)}…` : hash;
}
