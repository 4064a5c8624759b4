import { formatDue, formatTime } from '../shared/format';
import type { PortLabel } from '../shared/flowchart';
import type { Language, Translate } from '../shared/i18n';
import { label, type JsonSchema } from './resultSchema';
import { statusKeys } from './StatusFlowchart';
import { openTasks, taskStatus, unitName, type TaskView } from './taskStatus';
import { formatValue } from './whyNotYet';

/** The open tasks with their due dates, overdue first and marked; a participant completes them from here. */
export function DueTasks({
  tasks,
  names,
  language,
  t,
  canComplete,
  onComplete,
  onReassign,
}: {
  tasks: TaskView[];
  names: (task: TaskView) => string;
  language: Language;
  t: Translate;
  canComplete: boolean;
  onComplete: (task: TaskView) => void;
  /** The same keys that may complete tasks may give them to someone else (the server's TaskWriters policy). */
  onReassign: (task: TaskView) => void;
}) {
  const open = openTasks(tasks);
  if (open.length === 0) return <p>{t('campaignPageNoOpenTasks')}</p>;
  return (
    <table className="campaign-due cards-on-phone">
      <thead>
        <tr>
          <th scope="col">{t('campaignPageTask')}</th>
          <th scope="col">{t('campaignPageAssignee')}</th>
          <th scope="col">{t('campaignPageDue')}</th>
          <th scope="col">{t('campaignPageState')}</th>
          {canComplete && <th scope="col" />}
        </tr>
      </thead>
      <tbody>
        {open.map((task) => (
          <tr key={task.id} data-testid={`due-${task.id}`} className={task.overdue ? 'campaign-overdue' : undefined}>
            <th scope="row">{names(task)}</th>
            <td data-label={t('campaignPageAssignee')}>{task.assignee ?? ''}</td>
            <td data-label={t('campaignPageDue')}>{task.dueAt ? formatDue(task.dueAt, language) : t('campaignPageNoDueDate')}</td>
            <td data-label={t('campaignPageState')}>
              <span className={`campaign-badge campaign-badge--${taskStatus(task)}`}>{t(statusKeys[taskStatus(task)])}</span>
            </td>
            {canComplete && (
              <td>
                <button
                  type="button"
                  data-testid={`complete-${task.id}`}
                  onClick={() => onComplete(task)}
                  aria-label={t('campaignPageCompleteTitle', { task: names(task) })}
                >
                  {t('campaignPageCompleteButton')}
                </button>{' '}
                <button
                  type="button"
                  data-testid={`reassign-${task.id}`}
                  onClick={() => onReassign(task)}
                  aria-label={t('campaignPageReassignTitle', { task: names(task) })}
                >
                  {t('campaignPageReassignButton')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Everything about one activity's instances: who has them, when due, what was recorded. */
export function TaskDetails({
  title,
  tasks,
  schema,
  language,
  t,
  onClose,
  portLabel,
}: {
  title: string;
  tasks: TaskView[];
  schema: JsonSchema | undefined;
  language: Language;
  t: Translate;
  onClose: () => void;
  /** The outcome (the port the task left by, "Done", "Approved") in the page's language, from the descriptors. */
  portLabel?: PortLabel;
}) {
  const fieldName = (name: string) => label(schema?.properties?.[name]?.['x-displayNames'], language, name);
  const unitOf = (name: string) => schema?.properties?.[name]?.['x-unit'];
  return (
    <aside className="campaign-details" aria-labelledby="campaign-details-heading" data-testid="task-details">
      <h3 id="campaign-details-heading">
        {t('campaignPageTaskDetails')}: {title}
      </h3>
      <button type="button" onClick={onClose}>
        {t('campaignPageClose')}
      </button>
      {tasks.map((task) => (
        <dl key={task.id} className="campaign-details-list">
          <dt>{t('campaignPageTask')}</dt>
          <dd>
            <code>{task.id}</code>
            {task.unit !== null && task.unit !== undefined && ` · ${t('campaignPageUnitOf', { name: unitName(task) })}`}
          </dd>
          <dt>{t('campaignPageState')}</dt>
          <dd>{t(statusKeys[taskStatus(task)])}</dd>
          <dt>{t('campaignPageAssignee')}</dt>
          <dd>{task.assignee ?? ''}</dd>
          <dt>{t('campaignPageOpened')}</dt>
          <dd>{formatTime(task.activatedAt, language)}</dd>
          <dt>{t('campaignPageDue')}</dt>
          <dd>{task.dueAt ? formatDue(task.dueAt, language) : t('campaignPageNoDueDate')}</dd>
          {task.endedAt && (
            <>
              <dt>{t('campaignPageEnded')}</dt>
              <dd>{formatTime(task.endedAt, language)}</dd>
            </>
          )}
          {task.completedBy && (
            <>
              <dt>{t('campaignPageCompletedBy')}</dt>
              <dd>{task.completedBy}</dd>
            </>
          )}
          {task.result !== null && task.result !== undefined && typeof task.result === 'object' && (
            <>
              <dt>{t('campaignPageResult')}</dt>
              <dd>
                <ul>
                  {Object.entries(task.result as Record<string, unknown>).map(([k, v]) => (
                    <li key={k}>
                      {k === 'outcome' ? t('campaignPageOutcome') : fieldName(k)}:{' '}
                      {Array.isArray(v)
                        ? String(v.length)
                        : ((k === 'outcome' && typeof v === 'string' ? portLabel?.(task.activityType, v) : undefined) ??
                          formatValue(v, unitOf(k), language, t))}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      ))}
    </aside>
  );
}
