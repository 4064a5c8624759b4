import { useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';
import { transitionChoices, type TransitionChoice } from './transitionChoices';
import type { Progress } from './whyNotYet';

interface Props {
  progress: Progress;
  t: Translate;
  /** Fires the trigger; resolves to the server's refusal (in the page's language), or null. */
  onFire: (trigger: string, reason: string, targetPhase?: string) => Promise<string | null>;
}

/**
 * The campaign's triggers (start, advance or complete, send back, suspend, resume, cancel), each
 * with a reason for the record; cancelling also says that it cannot be undone.
 */
export function TransitionActions({ progress, t, onFire }: Props) {
  const [chosen, setChosen] = useState<TransitionChoice | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = transitionChoices(progress, t);
  if (choices.length === 0) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    if (!reason.trim()) {
      setProblem(t('campaignPageReasonRequired'));
      return;
    }
    setBusy(true);
    const refused = await onFire(chosen.trigger, reason.trim(), chosen.targetPhase);
    setBusy(false);
    setProblem(refused);
    if (!refused) {
      setChosen(null);
      setReason('');
    }
  };

  return (
    <div className="campaign-transitions">
      {choices.map((c) => {
        const key = `${c.trigger}-${c.targetPhase ?? ''}`;
        const reasonsId = `campaign-transition-refused-${key}`;
        return (
          <span key={key} className="campaign-transition">
            <button
              type="button"
              aria-pressed={chosen?.label === c.label}
              disabled={c.refused !== undefined}
              aria-describedby={c.refused ? reasonsId : undefined}
              onClick={() => {
                setChosen(c);
                setProblem(null);
              }}
            >
              {c.label}
            </button>
            {c.refused && (
              <ul id={reasonsId} className="campaign-transition-refused" data-testid={`transition-refused-${c.trigger}`}>
                {(c.refused.length > 0 ? c.refused : [t('campaignPageTransitionNotNow')]).map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            )}
          </span>
        );
      })}
      {chosen && (
        <form onSubmit={(e) => void submit(e)} className="campaign-transition-form" aria-label={chosen.label}>
          {chosen.warning && (
            <p className="campaign-transition-warning" data-testid="transition-warning">
              {chosen.warning}
            </p>
          )}
          <label htmlFor="campaign-transition-reason">{t('campaignPageReason')}</label>{' '}
          <input id="campaign-transition-reason" type="text" size={50} value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
          <button type="submit" disabled={busy}>
            {chosen.confirmLabel ?? t('campaignPageConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setChosen(null)}>
            {chosen.dismissLabel ?? t('campaignPageCancel')}
          </button>
        </form>
      )}
      {problem && (
        <p role="alert" className="error" data-testid="transition-refusal">
          {problem}
        </p>
      )}
    </div>
  );
}
