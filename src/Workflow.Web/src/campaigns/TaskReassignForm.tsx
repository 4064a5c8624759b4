import { useState, type FormEvent } from 'react';
import type { Translate } from '../shared/i18n';

interface Props {
  taskId: string;
  taskName: string;
  /** Who has the task now: shown, so the new name is chosen knowingly. */
  assignee: string | null | undefined;
  t: Translate;
  /** Sends the reassignment; resolves to the server's refusal (already in the page's language), or null. */
  onSubmit: (body: { assignee: string; reason?: string }) => Promise<string | null>;
  onCancel: () => void;
}

/** Gives one open task to another person or group (a name such as "deputy.liu" or "party-committee"). */
export function TaskReassignForm({ taskId, taskName, assignee, t, onSubmit, onCancel }: Props) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (part: string) => `reassign-${taskId}-${part}`.replace(/[^A-Za-z0-9_-]/g, '_');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The server refuses a blank name too; asking here saves the round trip.
    if (!to.trim()) {
      setProblem(t('campaignPageReassignRequired'));
      return;
    }
    setBusy(true);
    const refused = await onSubmit({ assignee: to.trim(), reason: reason.trim() || undefined });
    setBusy(false);
    setProblem(refused);
  };

  return (
    <form className="campaign-reassign-form" aria-labelledby={id('heading')} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={id('heading')}>{t('campaignPageReassignTitle', { task: taskName })}</h3>
      <p>{t('campaignPageReassignCurrent', { assignee: assignee ?? t('campaignPageReassignNobody') })}</p>
      <div className="campaign-form-field">
        <label htmlFor={id('to')}>{t('campaignPageReassignTo')}</label>{' '}
        <input id={id('to')} type="text" value={to} onChange={(e) => setTo(e.target.value)} maxLength={200} />
      </div>
      <div className="campaign-form-field">
        <label htmlFor={id('reason')}>{t('campaignPageReassignReason')}</label>{' '}
        <input id={id('reason')} type="text" size={50} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      {problem && (
        <p role="alert" className="error" data-testid="reassign-refusal">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('campaignPageReassignSubmit')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('campaignPageCancel')}
      </button>
    </form>
  );
}
