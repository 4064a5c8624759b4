import { useQueries } from '@tanstack/react-query';
import { Timeline } from 'antd';
import { useMemo } from 'react';
import { useApp } from '../shared/context';
import { formatTime } from '../shared/format';
import type { Translate } from '../shared/i18n';
import type { LedgerEntry } from '../shared/liveUpdates';
import { localName } from '../shared/localName';
import { queryKeys } from '../shared/queries';
import { readWorkflow, type TemplateDocument } from './campaignPageData';
import { timelineItems, type TimelineItem } from './campaignTimeline';
import { formatValue, taskName, type Progress } from './whyNotYet';

const colors: Record<TimelineItem['kind'], string> = { phase: 'blue', meeting: 'green', result: 'gray' };

/**
 * The campaign's phase rounds with the meetings held and the results recorded in each, from its
 * ledger. Tasks are named from every phase's workflow (published versions, read once and cached).
 */
export function CampaignTimeline({
  history,
  progress,
  template,
  t,
}: {
  history: readonly LedgerEntry[];
  progress: Progress;
  template: TemplateDocument | undefined;
  t: Translate;
}) {
  const { api, language } = useApp();
  const failed = t('campaignPageFailed');
  const workflows = useQueries({
    queries: (template?.phases ?? []).map((p) => ({
      queryKey: queryKeys.workflowDocument(p.workflow.definitionId, p.workflow.version),
      queryFn: () => readWorkflow(api, p.workflow.definitionId, p.workflow.version, failed),
      staleTime: Infinity,
    })),
  });
  // Activity names per phase (the same activity id may mean different tasks in different phases).
  const activityNames = new Map<string, Record<string, string>>();
  (template?.phases ?? []).forEach((p, i) => {
    const document = workflows[i]?.data;
    if (document)
      activityNames.set(
        p.id,
        Object.fromEntries(document.root.activities.map((a) => [a.id, localName(a.metadata?.displayNames, language, a.name ?? a.id)])),
      );
  });
  const items = useMemo(() => timelineItems(history), [history]);
  if (items.length === 0) return <p>{t('campaignTimelineEmpty')}</p>;
  const phaseName = (id: string | null) => progress.phases.find((p) => p.id === id)?.displayName ?? id ?? '';
  const text = (item: TimelineItem): string => {
    if (item.kind === 'phase') {
      if (item.phase === '$completed') return t('campaignTimelineCompleted');
      if (item.phase === '$cancelled') return t('campaignTimelineCancelled');
      const phase = phaseName(item.phase);
      if (item.trigger === 'suspend') return t('campaignTimelineSuspended', { phase });
      if (item.trigger === 'resume') return t('campaignTimelineResumed', { phase });
      return t(item.trigger === 'sendBack' ? 'campaignTimelineSentBack' : 'campaignTimelineEntered', { phase, round: item.round });
    }
    const names = { language, activities: activityNames.get(item.phase ?? '') ?? {}, resultSchemas: {}, inputs: {} };
    const task = taskName(item.taskId, names);
    if (item.kind === 'meeting') return t('campaignTimelineMeeting', { task, date: item.heldOn ?? '' });
    return item.outcome
      ? t('campaignTimelineOutcome', { task, outcome: formatValue(item.outcome, undefined, language, t) })
      : t('campaignTimelineResult', { task });
  };
  return (
    <div data-testid="campaign-timeline">
      <Timeline
        items={items.map((item) => ({
          key: item.key,
          color: colors[item.kind],
          title: <time dateTime={item.at}>{formatTime(item.at, language)}</time>,
          content: <span className={`campaign-timeline-${item.kind}`}>{text(item)}</span>,
        }))}
      />
    </div>
  );
}
