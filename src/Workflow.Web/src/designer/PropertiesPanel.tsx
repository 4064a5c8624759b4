import { useEffect, useState } from 'react';
import { useApp } from '../shared/context';
import { FieldProblems } from '../shared/FieldProblems';
import { localName } from '../shared/localName';
import { formFields, portsOf, setDisplayName, setField, type ActivityDescriptor } from './descriptors';
import { connect, donePort, removeConnections, renameActivity, replaceActivity, type Activity, type PhaseWorkflow } from './document';
import type { Selection } from './Editor';
import { DeclarationsEditor } from './DeclarationsEditor';
import { FieldEditor } from './FieldEditor';
import { edgeIds } from './model';
import type { PlacedProblems } from './problems';

interface PanelProps {
  document: PhaseWorkflow;
  descriptors: ReadonlyMap<string, ActivityDescriptor>;
  placed: PlacedProblems;
  selection: Selection;
  readOnly: boolean;
  onEdit: (change: (d: PhaseWorkflow) => PhaseWorkflow, group?: string) => void;
  onSelect: (selection: Selection) => void;
  onDelete: () => void;
}

const idPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The selected activity's form (from its type's descriptor), or the selected connection, or the workflow's names, inputs and variables. */
export function PropertiesPanel(p: PanelProps) {
  const { t } = useApp();
  const nodeId = p.selection && 'node' in p.selection ? p.selection.node : undefined;
  const activity = nodeId === undefined ? undefined : p.document.root.activities.find((a) => a.id === nodeId);
  const edgeIndex = p.selection && 'edge' in p.selection ? edgeIds(p.document.root.connections).indexOf(p.selection.edge) : -1;
  return (
    <section className="designer-panel designer-properties" aria-labelledby="designer-properties-heading">
      <h3 id="designer-properties-heading">{t('designerPropertiesHeading')}</h3>
      <fieldset disabled={p.readOnly}>
        {activity ? (
          <ActivityForm key={activity.id} {...p} activity={activity} />
        ) : edgeIndex >= 0 ? (
          <ConnectionForm {...p} index={edgeIndex} />
        ) : (
          <>
            <p className="designer-hint">{t('designerPropertiesNone')}</p>
            <WorkflowForm {...p} />
          </>
        )}
      </fieldset>
    </section>
  );
}

function labelOf(document: PhaseWorkflow, id: string, language: string): string {
  const a = document.root.activities.find((x) => x.id === id);
  return localName(a?.metadata?.displayNames, language, a?.name ?? id);
}

function ActivityForm(p: PanelProps & { activity: Activity }) {
  const { language, t } = useApp();
  const { activity, document } = p;
  const descriptor = p.descriptors.get(activity.type);
  const fields = descriptor ? formFields(activity, descriptor, language) : [];
  const fieldProblems = new Set(fields.flatMap((f) => p.placed.byField.get(`${activity.id}/${f.name}`) ?? []));
  const nodeProblems = (p.placed.byNode.get(activity.id) ?? []).filter((x) => !fieldProblems.has(x));
  const update = (next: (a: Activity) => Activity, group: string) =>
    p.onEdit((d) => replaceActivity(d, activity.id, next(d.root.activities.find((a) => a.id === activity.id) ?? activity)), group);
  const ports = portsOf(activity, descriptor);
  // A fixed port ("Done", "Approved") by its label in the page's language; a fork's branch by the name the admin gave it.
  const portName = (port: string) => localName(descriptor?.portDisplayNames?.[port], language, port);
  const targets = document.root.activities.filter((a) => p.descriptors.get(a.type)?.hasInboundPort ?? true);
  return (
    <div className="designer-form">
      <IdField
        activity={activity}
        document={document}
        onRename={(id) => {
          p.onEdit((d) => renameActivity(d, activity.id, id));
          p.onSelect({ node: id });
        }}
      />
      <p className="designer-type">
        {t('designerPropType')}: <strong>{localName(descriptor?.displayNames, language, activity.type)}</strong>{' '}
        <code>{activity.type}</code>
      </p>
      {(['en', 'zh-CN'] as const).map((l) => (
        <div className="designer-field" key={l}>
          <label htmlFor={`name-${activity.id}-${l}`}>{l === 'en' ? t('designerPropNameEn') : t('designerPropNameZh')}</label>
          <input
            id={`name-${activity.id}-${l}`}
            lang={l}
            value={activity.metadata?.displayNames?.[l] ?? ''}
            onChange={(e) => update((a) => setDisplayName(a, l, e.target.value), `name:${activity.id}:${l}`)}
          />
        </div>
      ))}
      <FieldProblems className="designer-field-problems" problems={nodeProblems} testId={`activity-problems-${activity.id}`} />
      {fields.length > 0 && <h4>{t('designerPropInputs')}</h4>}
      {fields.map((field) => (
        <FieldEditor
          key={field.name}
          id={activity.id}
          field={field}
          disabled={p.readOnly}
          problems={p.placed.byField.get(`${activity.id}/${field.name}`) ?? []}
          apply={(text, asExpression) => {
            const next = setField(activity, field, text, asExpression);
            update((a) => setField(a, field, text, asExpression), `field:${activity.id}:${field.name}`);
            return formFields(next, descriptor!, language).find((f) => f.name === field.name)?.value ?? text;
          }}
        />
      ))}
      {ports.length > 0 && (
        <>
          <h4>{t('designerPropConnections')}</h4>
          {ports.map((port) => (
            <div key={port} className="designer-port-row">
              <ul>
                {document.root.connections.map((c, index) =>
                  c.source.activity === activity.id && (c.source.port ?? donePort) === port ? (
                    <li key={index}>
                      {portName(port)} → {labelOf(document, c.target.activity, language)}{' '}
                      <button
                        type="button"
                        aria-label={t('designerPropRemoveConnection', {
                          port: portName(port),
                          target: labelOf(document, c.target.activity, language),
                        })}
                        onClick={() => p.onEdit((d) => removeConnections(d, [index]))}
                      >
                        ✕
                      </button>
                    </li>
                  ) : null,
                )}
              </ul>
              <label>
                {t('designerPropConnectTo', { port: portName(port) })}{' '}
                <select value="" onChange={(e) => e.target.value && p.onEdit((d) => connect(d, activity.id, port, e.target.value))}>
                  <option value="">{t('designerPropChoose')}</option>
                  {targets
                    .filter((a) => a.id !== activity.id)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {labelOf(document, a.id, language)} ({a.id})
                      </option>
                    ))}
                </select>
              </label>
            </div>
          ))}
        </>
      )}
      <button type="button" className="danger" onClick={p.onDelete}>
        {t('designerPropDeleteActivity')}
      </button>
    </div>
  );
}

function IdField({ activity, document, onRename }: { activity: Activity; document: PhaseWorkflow; onRename: (id: string) => void }) {
  const { t } = useApp();
  const [id, setId] = useState(activity.id);
  useEffect(() => setId(activity.id), [activity.id]);
  const problem =
    id === activity.id
      ? null
      : !idPattern.test(id)
        ? t('designerPropIdInvalid')
        : document.root.activities.some((a) => a.id === id)
          ? t('designerPropIdTaken')
          : null;
  const apply = () => {
    if (id !== activity.id && !problem) onRename(id);
  };
  return (
    <div className="designer-field">
      <label htmlFor={`id-${activity.id}`}>{t('designerPropId')}</label>
      <div className="designer-inline">
        <input
          id={`id-${activity.id}`}
          value={id}
          aria-invalid={!!problem}
          onChange={(e) => setId(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
        <button type="button" disabled={id === activity.id || !!problem} onClick={apply}>
          {t('designerPropIdApply')}
        </button>
      </div>
      {problem && <p className="designer-field-problems">{problem}</p>}
    </div>
  );
}

function ConnectionForm(p: PanelProps & { index: number }) {
  const { language, t } = useApp();
  const c = p.document.root.connections[p.index];
  const id = edgeIds(p.document.root.connections)[p.index];
  return (
    <div className="designer-form">
      <h4>{t('designerEdgeHeading')}</h4>
      <p>
        {t('designerEdgeText', {
          source: labelOf(p.document, c.source.activity, language),
          port: c.source.port ?? donePort,
          target: labelOf(p.document, c.target.activity, language),
        })}
      </p>
      <FieldProblems className="designer-field-problems" problems={p.placed.byEdge.get(id) ?? []} testId="connection-problems" />
      <button type="button" className="danger" onClick={p.onDelete}>
        {t('designerDeleteConnection')}
      </button>
    </div>
  );
}

function WorkflowForm(p: PanelProps) {
  const { t } = useApp();
  const d = p.document;
  const setName = (language: 'en' | 'zh-CN', text: string) =>
    p.onEdit((doc) => {
      const displayNames = { ...(doc.displayNames ?? {}), [language]: text };
      return language === 'zh-CN' ? { ...doc, displayNames, name: text } : { ...doc, displayNames };
    }, `workflow:name:${language}`);
  return (
    <div className="designer-form">
      <h4>{t('designerWorkflowHeading')}</h4>
      <div className="designer-field">
        <label htmlFor="workflow-id">{t('designerNewId')}</label>
        <input
          id="workflow-id"
          value={d.definitionId}
          onChange={(e) => p.onEdit((doc) => ({ ...doc, definitionId: e.target.value }), 'workflow:id')}
        />
      </div>
      <div className="designer-field">
        <label htmlFor="workflow-name-en">{t('designerNewNameEn')}</label>
        <input id="workflow-name-en" value={d.displayNames?.en ?? ''} onChange={(e) => setName('en', e.target.value)} />
      </div>
      <div className="designer-field">
        <label htmlFor="workflow-name-zh">{t('designerNewNameZh')}</label>
        <input
          id="workflow-name-zh"
          lang="zh-CN"
          value={d.displayNames?.['zh-CN'] ?? ''}
          onChange={(e) => setName('zh-CN', e.target.value)}
        />
      </div>
      <FieldProblems className="designer-field-problems" problems={p.placed.general} testId="workflow-problems" />
      <DeclarationsEditor document={d} byDeclaration={p.placed.byDeclaration} onEdit={p.onEdit} />
    </div>
  );
}
