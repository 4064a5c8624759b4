import { useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';
import type { Progress } from './whyNotYet';

interface Props {
  progress: Progress;
  t: Translate;
  /** Fires the trigger; resolves to the server's refusal (in the page's language), or null. */
  onFire: (trigger: string, reason: string, targetPhase?: string) => Promise<string | null>;
}

interface Choice {
  trigger: string;
  targetPhase?: string;
  label: string;
}

/**
 * Advance (or complete, in the last phase) and send back, each with a reason for the record.
 * Advance is offered even when the gates say no: the server then says why, in the page's language.
 */
export function TransitionActions({ progress, t, onFire }: Props) {
  const [chosen, setChosen] = useState<Choice | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const index = progress.phases.findIndex((p) => p.id === progress.currentPhase);
  const next = progress.phases[index + 1];
  // Outside the phases the only way on is starting (a campaign created but not started yet).
  const choices: Choice[] =
    index < 0
      ? progress.triggers.filter((x) => x.trigger === 'start' && x.permitted).map(() => ({ trigger: 'start', label: t('campaignPageStart') }))
      : [
          next
            ? { trigger: 'advance', label: t('campaignPageAdvance', { phase: next.displayName }) }
            : { trigger: 'complete', label: t('campaignPageCompleteCampaign') },
          ...progress.triggers
            .filter((x) => x.trigger === 'sendBack' && x.permitted && x.targetPhase)
            .map((x) => ({
              trigger: 'sendBack',
              targetPhase: x.targetPhase!,
              label: t('campaignPageSendBack', { phase: progress.phases.find((p) => p.id === x.targetPhase)?.displayName ?? x.targetPhase! }),
            })),
        ];
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
      {choices.map((c) => (
        <button
          key={`${c.trigger}-${c.targetPhase ?? ''}`}
          type="button"
          aria-pressed={chosen?.label === c.label}
          onClick={() => {
            setChosen(c);
            setProblem(null);
          }}
        >
          {c.label}
        </button>
      ))}
      {chosen && (
        <form onSubmit={(e) => void submit(e)} className="campaign-transition-form" aria-label={chosen.label}>
          <label htmlFor="campaign-transition-reason">{t('campaignPageReason')}</label>{' '}
          <input id="campaign-transition-reason" type="text" size={50} value={reason} onChange={(e) => setReason(e.target.value)} />{' '}
          <button type="submit" disabled={busy}>
            {t('campaignPageConfirm')}
          </button>{' '}
          <button type="button" onClick={() => setChosen(null)}>
            {t('campaignPageCancel')}
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
