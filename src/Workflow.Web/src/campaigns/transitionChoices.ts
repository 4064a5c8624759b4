import type { Translate } from '../shared/i18n';
import type { Progress } from './whyNotYet';

/** One button of the actions section: the trigger it fires and how the confirmation form reads. */
export interface TransitionChoice {
  trigger: string;
  targetPhase?: string;
  label: string;
  /** Said above the reason before an irreversible step (cancelling), so nobody ends a campaign by a slip. */
  warning?: string;
  /** The submit button's words when "Confirm" is too light for the step. */
  confirmLabel?: string;
  /** The words of the button that closes the form without firing, where a bare "Cancel" would be ambiguous. */
  dismissLabel?: string;
  /**
   * Set when the server would refuse the trigger now: the button is shown disabled with these
   * reasons beside it (the server's, already in the page's language).
   */
  refused?: string[];
}

const permitted = (progress: Progress, trigger: string) => progress.triggers.some((x) => x.trigger === trigger && x.permitted);

/** The reasons the server gives for refusing a trigger, or undefined when it is permitted (or unknown). */
function refusal(progress: Progress, trigger: string): string[] | undefined {
  const view = progress.triggers.find((x) => x.trigger === trigger);
  return view && !view.permitted ? view.reasons : undefined;
}

/**
 * The triggers the page offers. Advance (or complete) is always shown in a phase, enabled only when
 * the server permits it, else disabled with the server's reasons (the gates not met, the workflow not
 * done); suspend, resume and cancel only when the phase machine allows them, since their refusals
 * ("not suspended", "already over") explain nothing the page does not show. A suspended campaign
 * offers only resuming or cancelling: nothing else can happen until it resumes.
 */
export function transitionChoices(progress: Progress, t: Translate): TransitionChoice[] {
  const cancel: TransitionChoice[] = permitted(progress, 'cancel')
    ? [
        {
          trigger: 'cancel',
          label: t('campaignPageCancelCampaign'),
          warning: t('campaignPageCancelWarning'),
          confirmLabel: t('campaignPageCancelConfirm'),
          dismissLabel: t('campaignPageCancelKeep'),
        },
      ]
    : [];
  const index = progress.phases.findIndex((p) => p.id === progress.currentPhase);
  // Outside the phases the only way on is starting (a campaign created but not started yet).
  if (index < 0) return [...(permitted(progress, 'start') ? [{ trigger: 'start', label: t('campaignPageStart') }] : []), ...cancel];
  if (progress.suspended)
    return [...(permitted(progress, 'resume') ? [{ trigger: 'resume', label: t('campaignPageResume') }] : []), ...cancel];
  const next = progress.phases[index + 1];
  return [
    next
      ? { trigger: 'advance', label: t('campaignPageAdvance', { phase: next.displayName }), refused: refusal(progress, 'advance') }
      : { trigger: 'complete', label: t('campaignPageCompleteCampaign'), refused: refusal(progress, 'complete') },
    ...progress.triggers
      .filter((x) => x.trigger === 'sendBack' && x.permitted && x.targetPhase)
      .map((x) => ({
        trigger: 'sendBack',
        targetPhase: x.targetPhase!,
        label: t('campaignPageSendBack', { phase: progress.phases.find((p) => p.id === x.targetPhase)?.displayName ?? x.targetPhase! }),
      })),
    ...(permitted(progress, 'suspend') ? [{ trigger: 'suspend', label: t('campaignPageSuspend') }] : []),
    ...cancel,
  ];
}
