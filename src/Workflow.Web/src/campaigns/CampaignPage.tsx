import { useMutation, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { problemMessage } from '../shared/api';
import { useApp } from '../shared/context';
import { useLocation } from '../shared/router';
import { portLabels, toFlow } from '../shared/flowchart';
import { campaignStatusName } from './campaignStatus';
import { CampaignTimeline } from './CampaignTimeline';
import { queryError, queryKeys, staleAfterCampaignChange, useInvalidate } from '../shared/queries';
import { readDescriptors, readState, readTemplate, readWorkflow } from './campaignPageData';
import { GatesPanel, WhyNotYet } from './GatesPanel';
import { PhaseDiagram } from './PhaseDiagram';
import { phaseProgress } from './phaseProgress';
import { StatusFlowchart } from './StatusFlowchart';
import { TaskReassignForm } from './TaskReassignForm';
import { DueTasks, TaskDetails } from './TaskPanels';
import { activityStates, unitName, type TaskView } from './taskStatus';
import { TransitionActions } from './TransitionActions';
import { useCampaignHistory } from './useCampaignHistory';
import type { Names } from './whyNotYet';

// The completion form brings react-jsonschema-form and its validator: loaded when a task is first completed.
const TaskCompletionForm = lazy(() => import('./TaskCompletionForm').then((m) => ({ default: m.TaskCompletionForm })));
// The progress chart brings ECharts (shared with the overview's dashboard).
const ProgressChart = lazy(() => import('./ProgressChart').then((m) => ({ default: m.ProgressChart })));

/**
 * One campaign: its phases, the current phase's flowchart coloured by task state, the exit gates
 * and why the campaign cannot move on yet, open and overdue tasks, progress over time, and the
 * actions the caller's role allows. Any ledger entry for this campaign (from this page, another
 * browser or an integrator) invalidates its queries (useLiveInvalidation), so it is read again.
 */
export function CampaignPage({ id }: { id: string }) {
  const { api, language, t, me } = useApp();
  const failed = t('campaignPageFailed');
  const state = useQuery({ queryKey: queryKeys.campaignState(id, language), queryFn: () => readState(api, id, failed) });
  const stateError = queryError(state, failed);
  const campaign = state.data?.campaign;
  const progress = state.data?.progress;
  // Published versions never change: read once per version.
  const template = useQuery({
    queryKey: queryKeys.templateDocument(campaign?.templateId ?? '', campaign?.templateVersion ?? 0),
    queryFn: () => readTemplate(api, campaign!.templateId, campaign!.templateVersion, failed),
    enabled: Boolean(campaign),
    staleTime: Infinity,
  });
  const descriptors = useQuery({ queryKey: queryKeys.descriptors(language), queryFn: () => readDescriptors(api, failed) });
  const phaseWorkflow = template.data?.phases.find((p) => p.id === progress?.currentPhase)?.workflow;
  const workflow = useQuery({
    queryKey: queryKeys.workflowDocument(phaseWorkflow?.definitionId ?? '', phaseWorkflow?.version ?? 0),
    queryFn: () => readWorkflow(api, phaseWorkflow!.definitionId, phaseWorkflow!.version, failed),
    enabled: Boolean(phaseWorkflow),
    staleTime: Infinity,
  });
  const workflowError = queryError(workflow, failed);

  const history = useCampaignHistory(api, id, failed);
  const historyError = queryError(history, failed);
  // After a command: the campaign and its progress read again (they are small), the ledger only from
  // the last entry held, and the lists that show it when next opened.
  const invalidate = useInvalidate();
  const reload = useCallback(() => void invalidate(staleAfterCampaignChange(id)), [invalidate, id]);
  // A command (complete, reassign, fire a trigger) sent with the version shown; whatever the answer,
  // the campaign is read again (a refusal for a lost race, 412, means it moved on meanwhile).
  const command = useMutation({
    mutationFn: (send: () => Promise<{ data?: unknown; error?: unknown; response: Response }>) => send(),
    onSettled: reload,
  });

  const [selected, setSelected] = useState<string | null>(null);
  const [completing, setCompleting] = useState<TaskView | null>(null);
  const [reassigning, setReassigning] = useState<TaskView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const descriptorByType = useMemo(() => new Map((descriptors.data ?? []).map((d) => [d.typeName, d])), [descriptors.data]);
  const portLabel = useMemo(() => portLabels(descriptors.data ?? [], language), [descriptors.data, language]);
  const taskTypes = useMemo(
    () => new Set((descriptors.data ?? []).filter((d) => d.kind === 'task').map((d) => d.typeName)),
    [descriptors.data],
  );
  const names: Names = useMemo(() => {
    const activities: Names['activities'] = {};
    const resultSchemas: Names['resultSchemas'] = {};
    if (workflow.data) {
      for (const node of toFlow(workflow.data, language).nodes) {
        activities[node.id] = node.data.label;
        resultSchemas[node.id] = descriptorByType.get(node.data.type)?.resultSchema;
      }
    }
    const inputs = Object.fromEntries((template.data?.inputs ?? []).map((i) => [i.name, i.displayNames]));
    return { language, activities, resultSchemas, inputs };
  }, [workflow.data, template.data, descriptorByType, language]);
  const states = useMemo(() => activityStates(progress?.tasks ?? []), [progress]);
  // Opened from the worklist at one task (?task=…): that task comes first, under the header, so a
  // participant on a phone lands on it, not on the flowchart above the open tasks.
  const focusTask = useLocation().search.get('task');
  const phaseFigure = useMemo(
    () => (workflow.data && taskTypes.size > 0 ? phaseProgress(workflow.data, taskTypes, progress?.tasks ?? []) : null),
    [workflow.data, taskTypes, progress],
  );

  if (!state.data) {
    return stateError ? (
      <p role="alert" className="error">
        {stateError}
      </p>
    ) : (
      <p>{t('loading')}</p>
    );
  }
  const { campaign: c, progress: p } = state.data;
  const nameOf = (task: TaskView) => {
    const base = names.activities[task.activityId] ?? task.displayName ?? task.activityId;
    return task.unit === null || task.unit === undefined ? base : `${base} – ${unitName(task)}`;
  };
  const currentPhase = p.phases.find((x) => x.id === p.currentPhase);
  const schemaOf = (activityId: string) => names.resultSchemas[activityId];
  const ifMatch = { 'If-Match': `"${p.version}"` };

  // A refusal's message: our own words for a lost race (412), else the server's detail in the page's language.
  const refusal = (response: Response, error: unknown): string => {
    if (response.status === 412) return t('campaignPageConflict');
    return problemMessage(error, response.status, t('requestFailed'));
  };

  const complete = async (task: TaskView, body: { outcome?: string; result: Record<string, unknown>; comment?: string }) => {
    const { response, error } = await command.mutateAsync(() =>
      api.POST('/api/v1/campaigns/{id}/tasks/{taskId}/complete', {
        params: { path: { id, taskId: task.id } },
        body: { outcome: body.outcome ?? null, result: body.result, comment: body.comment ?? null },
        headers: ifMatch,
      }),
    );
    if (!response.ok) return refusal(response, error);
    setCompleting(null);
    setNotice(t('campaignPageCompletedNotice', { task: nameOf(task) }));
    return null;
  };

  const reassign = async (task: TaskView, body: { assignee: string; reason?: string }) => {
    const { response, error } = await command.mutateAsync(() =>
      api.POST('/api/v1/campaigns/{id}/tasks/{taskId}/reassign', {
        params: { path: { id, taskId: task.id } },
        body: { assignee: body.assignee, reason: body.reason ?? null },
        headers: ifMatch,
      }),
    );
    if (!response.ok) return refusal(response, error);
    setReassigning(null);
    setNotice(t('campaignPageReassignedNotice', { task: nameOf(task), assignee: body.assignee }));
    return null;
  };

  const fire = async (trigger: string, reason: string, targetPhase?: string) => {
    const answer = await command.mutateAsync(() =>
      api.POST('/api/v1/campaigns/{id}/transitions', {
        params: { path: { id } },
        body: { trigger, reason, targetPhase: targetPhase ?? null },
        headers: ifMatch,
      }),
    );
    const { response, error } = answer;
    if (!response.ok) return refusal(response, error);
    const data = answer.data as { state?: string } | undefined;
    const entered = p.phases.find((x) => x.id === data?.state)?.displayName ?? data?.state ?? '';
    setNotice(
      trigger === 'suspend'
        ? t('campaignPageSuspendedNotice')
        : trigger === 'resume'
          ? t('campaignPageResumedNotice', { phase: entered })
          : trigger === 'cancel'
            ? t('campaignPageCancelledNotice')
            : t('campaignPageTransitionDone', { phase: entered }),
    );
    setCompleting(null);
    setReassigning(null);
    setSelected(null);
    return null;
  };

  const selectedState = selected ? states.get(selected) : undefined;
  const canComplete = me?.permissions.completeTasks === true;
  const focused = p.tasks.find((x) => x.id === focusTask && x.status === 'active');
  const dueTasks = (tasks: TaskView[]) => (
    <DueTasks
      tasks={tasks}
      names={nameOf}
      language={language}
      t={t}
      // A suspended campaign refuses work on its tasks; the why-not-yet panel says to resume it.
      canComplete={canComplete && !c.suspended}
      onComplete={(task) => {
        setCompleting(task);
        setReassigning(null);
        setNotice(null);
      }}
      onReassign={(task) => {
        setReassigning(task);
        setCompleting(null);
        setNotice(null);
      }}
    />
  );
  const canFire = me?.permissions.fireTransitions === true;
  // The completion form goes under the row it was opened from: the focused task's, or the open tasks'.
  const completionForm = completing && (
    <Suspense fallback={<p>{t('loading')}</p>}>
      <TaskCompletionForm
        key={completing.id}
        taskId={completing.id}
        taskName={nameOf(completing)}
        schema={schemaOf(completing.activityId)}
        language={language}
        t={t}
        onSubmit={(body) => complete(completing, body)}
        onCancel={() => setCompleting(null)}
      />
    </Suspense>
  );
  const completingFocused = Boolean(focused && completing?.id === focused.id);
  return (
    <div className="campaign-page">
      <header className="campaign-page-header">
        <h2>{c.name}</h2>
        <dl className="campaign-facts">
          <dt>{t('campaignPageOrganization')}</dt>
          <dd>{c.organization}</dd>
          <dt>{t('campaignPageTemplate')}</dt>
          <dd>
            {c.templateId} v{c.templateVersion}
          </dd>
          <dt>{t('campaignPageStatus')}</dt>
          <dd data-testid="campaign-status">{campaignStatusName(c.status, t)}</dd>
        </dl>
        <p className="campaign-live">{t('campaignPageLive')}</p>
        {stateError && (
          <p role="alert" className="error">
            {stateError}
          </p>
        )}
        {notice && (
          <p role="status" className="campaign-notice">
            {notice}
          </p>
        )}
      </header>

      {focused && (
        <section aria-labelledby="campaign-focus-heading" className="campaign-focus" data-testid="campaign-focus">
          <h3 id="campaign-focus-heading">{t('campaignPageFocusHeading')}</h3>
          {dueTasks([focused])}
          {completingFocused && completionForm}
        </section>
      )}

      <section aria-labelledby="campaign-phases-heading">
        <h3 id="campaign-phases-heading">{t('campaignPagePhasesHeading')}</h3>
        <PhaseDiagram progress={p} t={t} />
      </section>

      <section aria-labelledby="campaign-flow-heading">
        <h3 id="campaign-flow-heading">
          {currentPhase ? t('campaignPageFlowchartHeading', { phase: currentPhase.displayName }) : t('campaignPageNoWorkflow')}
        </h3>
        {workflowError && (
          <p role="alert" className="error">
            {workflowError}
          </p>
        )}
        {currentPhase && phaseFigure && (
          <p className="campaign-phase-progress" data-testid="phase-progress">
            {t('campaignPagePhaseProgress', { percent: phaseFigure.percent, done: phaseFigure.done, total: phaseFigure.total })}
          </p>
        )}
        {currentPhase && workflow.data && (
          <div className="campaign-flow-layout">
            <StatusFlowchart
              document={workflow.data}
              language={language}
              t={t}
              states={states}
              taskTypes={taskTypes}
              selected={selected}
              onSelect={setSelected}
              portLabel={portLabel}
            />
            {selected && selectedState ? (
              <TaskDetails
                title={names.activities[selected] ?? selected}
                tasks={p.tasks.filter((x) => x.activityId === selected)}
                schema={schemaOf(selected)}
                language={language}
                t={t}
                onClose={() => setSelected(null)}
                portLabel={portLabel}
              />
            ) : (
              <p className="campaign-details-hint">{t('campaignPageSelectNode')}</p>
            )}
            {/* The same choice without a pointer: every task activity reached so far. */}
            <label className="campaign-details-choice">
              {t('campaignPageTaskDetails')}{' '}
              <select data-testid="task-details-choice" value={selected ?? ''} onChange={(e) => setSelected(e.target.value || null)}>
                <option value="">{t('campaignPageChoose')}</option>
                {[...states.keys()].map((activityId) => (
                  <option key={activityId} value={activityId}>
                    {names.activities[activityId] ?? activityId}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </section>

      {currentPhase && (
        <section aria-labelledby="campaign-gates-heading">
          <h3 id="campaign-gates-heading">{t('campaignPageGatesHeading')}</h3>
          <WhyNotYet progress={p} names={names} t={t} />
          <GatesPanel progress={p} names={names} t={t} />
        </section>
      )}

      <section aria-labelledby="campaign-due-heading">
        <h3 id="campaign-due-heading">{t('campaignPageDueHeading')}</h3>
        {dueTasks(p.tasks)}
        {reassigning && (
          <TaskReassignForm
            key={reassigning.id}
            taskId={reassigning.id}
            taskName={nameOf(reassigning)}
            assignee={reassigning.assignee}
            t={t}
            onSubmit={(body) => reassign(reassigning, body)}
            onCancel={() => setReassigning(null)}
          />
        )}
        {!completingFocused && completionForm}
      </section>

      {/* Actions where there are any: in a phase, or before the start; a role that may do nothing is told so. */}
      {((canFire && (p.currentPhase || p.triggers.some((x) => x.trigger === 'start' && x.permitted))) ||
        (me && !canFire && !canComplete)) && (
        <section aria-labelledby="campaign-actions-heading">
          <h3 id="campaign-actions-heading">{t('campaignPageActionsHeading')}</h3>
          {canFire ? <TransitionActions progress={p} t={t} onFire={fire} /> : <p>{t('campaignPageReadOnly')}</p>}
        </section>
      )}

      <section aria-labelledby="campaign-timeline-heading">
        <h3 id="campaign-timeline-heading">{t('campaignTimelineHeading')}</h3>
        {history.data && <CampaignTimeline history={history.data} progress={p} template={template.data} t={t} />}
      </section>

      <section aria-labelledby="campaign-chart-heading">
        <h3 id="campaign-chart-heading">{t('campaignPageChartHeading')}</h3>
        {historyError && (
          <p role="alert" className="error">
            {historyError}
          </p>
        )}
        {history.data ? (
          <Suspense fallback={<p>{t('loading')}</p>}>
            <ProgressChart
              history={history.data}
              phaseNames={Object.fromEntries(p.phases.map((x) => [x.id, x.displayName]))}
              language={language}
              t={t}
            />
          </Suspense>
        ) : (
          !historyError && <p>{t('loading')}</p>
        )}
      </section>
    </div>
  );
}
