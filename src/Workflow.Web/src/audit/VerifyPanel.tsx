import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import { verifyProblemKey, type VerificationResult } from './verification';

/** What the verify panel shows: which ledger, and its result, error or "verifying". */
export interface VerifyState {
  subject: string;
  result?: VerificationResult;
  error?: string;
}

/** The result of a chain verification: intact with the head hash, or where and why it broke. */
export function VerifyPanel({ state, onVerifyDefinitions }: { state: VerifyState | null; onVerifyDefinitions: () => void }) {
  const { t, language } = useApp();
  return (
    <section aria-labelledby="audit-verify-heading" className="audit-verify">
      <h3 id="audit-verify-heading">{t('auditVerifyHeading')}</h3>
      <p>{t('auditVerifyIntro')}</p>
      <button type="button" onClick={onVerifyDefinitions}>
        {t('auditVerifyDefinitions')}
      </button>
      {state && (
        <div data-testid="verify-result" className="audit-verify-result" aria-live="polite">
          <p>
            <strong>{t('auditVerifySubject')}:</strong> {state.subject}
          </p>
          {state.error ? (
            <p role="alert" className="error">
              {state.error}
            </p>
          ) : !state.result ? (
            <p>{t('auditVerifying')}</p>
          ) : state.result.intact ? (
            <>
              <p className="audit-intact">{t('auditVerifyIntact', { count: state.result.entries ?? 0 })}</p>
              <dl>
                <dt>{t('auditVerifyHeadHash')}</dt>
                <dd>
                  <code>{state.result.headHash}</code>
                </dd>
                <dt>{t('auditVerifyCheckedAt')}</dt>
                <dd>{formatTime(state.result.checkedAt, language)}</dd>
              </dl>
            </>
          ) : (
            <>
              <p role="alert" className="error audit-broken">
                {t('auditVerifyBroken', { sequence: state.result.firstBadSequence ?? '?', checked: state.result.entriesChecked ?? 0 })}{' '}
                {t(verifyProblemKey(state.result.problem?.code ?? ''))}
              </p>
              <dl>
                <dt>{t('auditVerifyServerText')}</dt>
                <dd>
                  <code>{state.result.problem?.code}</code> {state.result.problem?.message}
                </dd>
                <dt>{t('auditVerifyCheckedAt')}</dt>
                <dd>{formatTime(state.result.checkedAt, language)}</dd>
              </dl>
            </>
          )}
        </div>
      )}
    </section>
  );
}
