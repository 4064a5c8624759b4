import type { Template } from '../shared/api';
import { useApp } from '../shared/context';
import { FieldProblems } from '../shared/FieldProblems';
import { emptyGate, formName, type GateForm, type PhaseForm } from './templateModel';
import type { Problem } from './templateProblems';

export interface PhaseFieldsProps {
  phase: PhaseForm;
  index: number;
  count: number;
  workflows: Template[];
  problems: Map<string, Problem[]>;
  readOnly: boolean;
  onChange: (phase: PhaseForm, structural?: boolean) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  onExpressionDone: () => void;
}

/** One phase of the template: names, the published workflow it runs, and its exit gates. */
export function PhaseFields({
  phase,
  index,
  count,
  workflows,
  problems,
  readOnly,
  onChange,
  onMove,
  onRemove,
  onExpressionDone,
}: PhaseFieldsProps) {
  const { t, language } = useApp();
  const at = `phases.${index}`;
  const set = (patch: Partial<PhaseForm>, structural = false) => onChange({ ...phase, ...patch }, structural);
  const setGate = (g: number, patch: Partial<GateForm>) => set({ gates: phase.gates.map((x, i) => (i === g ? { ...x, ...patch } : x)) });
  const usable = workflows.filter((w) => !w.retracted);
  const ids = [...new Set(usable.map((w) => w.definitionId))];
  const versions = usable.filter((w) => w.definitionId === phase.workflowId).map((w) => w.version);
  const title = t('templatesPhaseLegend', { number: index + 1, name: formName(language, phase.nameEn, phase.nameZh, phase.id) });
  return (
    <fieldset className="templates-phase" aria-label={t('templatesPhaseGroup', { number: index + 1 })} disabled={readOnly}>
      <legend>{title}</legend>
      <FieldProblems className="templates-field-problems" problems={problems.get(at)} />
      <div className="templates-row">
        <label>
          {t('templatesPhaseId')}
          <input value={phase.id} onChange={(e) => set({ id: e.target.value })} />
          <FieldProblems className="templates-field-problems" problems={problems.get(`${at}.id`)} />
        </label>
        <label>
          {t('templatesNameEn')}
          <input value={phase.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />
        </label>
        <label>
          {t('templatesNameZh')}
          <input lang="zh-CN" value={phase.nameZh} onChange={(e) => set({ nameZh: e.target.value })} />
          <FieldProblems className="templates-field-problems" problems={problems.get(`${at}.name`)} />
        </label>
      </div>
      <div className="templates-row">
        <label>
          {t('templatesPhaseWorkflow')}
          <select
            value={phase.workflowId}
            onChange={(e) => {
              const latest = usable.filter((w) => w.definitionId === e.target.value).map((w) => w.version);
              set({ workflowId: e.target.value, workflowVersion: latest.length > 0 ? Math.max(...latest) : null });
            }}
          >
            <option value="">{t('templatesPickWorkflow')}</option>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
            {phase.workflowId && !ids.includes(phase.workflowId) && <option value={phase.workflowId}>{phase.workflowId}</option>}
          </select>
        </label>
        <label>
          {t('templatesWorkflowVersion')}
          <select
            value={phase.workflowVersion ?? ''}
            onChange={(e) => set({ workflowVersion: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">—</option>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
            {phase.workflowVersion !== null && !versions.includes(phase.workflowVersion) && (
              <option value={phase.workflowVersion}>{phase.workflowVersion}</option>
            )}
          </select>
        </label>
        <FieldProblems className="templates-field-problems" problems={problems.get(`${at}.workflow`)} />
      </div>
      <h4>{t('templatesExitGates')}</h4>
      {phase.gates.length === 0 && <p className="templates-hint">{t('templatesNoGates')}</p>}
      {phase.gates.map((gate, g) => {
        const gateAt = `${at}.gates.${g}`;
        return (
          <fieldset key={gate.key} className="templates-gate" aria-label={t('templatesGateGroup', { number: g + 1 })}>
            <legend>{t('templatesGateLegend', { number: g + 1, name: formName(language, gate.nameEn, gate.nameZh, gate.id) })}</legend>
            <FieldProblems className="templates-field-problems" problems={problems.get(gateAt)} />
            <div className="templates-row">
              <label>
                {t('templatesGateId')}
                <input value={gate.id} onChange={(e) => setGate(g, { id: e.target.value })} />
                <FieldProblems className="templates-field-problems" problems={problems.get(`${gateAt}.id`)} />
              </label>
              <label>
                {t('templatesGateNameEn')}
                <input value={gate.nameEn} onChange={(e) => setGate(g, { nameEn: e.target.value })} />
              </label>
              <label>
                {t('templatesGateNameZh')}
                <input lang="zh-CN" value={gate.nameZh} onChange={(e) => setGate(g, { nameZh: e.target.value })} />
                <FieldProblems className="templates-field-problems" problems={problems.get(`${gateAt}.name`)} />
              </label>
            </div>
            <label className="templates-wide">
              {t('templatesGateExpression')}
              <textarea
                className="templates-expression"
                rows={2}
                spellCheck={false}
                value={gate.expression}
                aria-invalid={problems.has(`${gateAt}.expression`) || undefined}
                onChange={(e) => setGate(g, { expression: e.target.value })}
                onBlur={onExpressionDone}
              />
            </label>
            <FieldProblems className="templates-field-problems" problems={problems.get(`${gateAt}.expression`)} />
            <button type="button" onClick={() => set({ gates: phase.gates.filter((_, i) => i !== g) }, true)}>
              {t('templatesRemoveGate')}
            </button>
          </fieldset>
        );
      })}
      <div className="templates-actions">
        <button type="button" onClick={() => set({ gates: [...phase.gates, emptyGate()] }, true)}>
          {t('templatesAddGate')}
        </button>
        <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>
          {t('templatesMoveUp')}
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>
          {t('templatesMoveDown')}
        </button>
        <button type="button" disabled={count === 1} onClick={onRemove}>
          {t('templatesRemovePhase')}
        </button>
      </div>
    </fieldset>
  );
}
