import { useEffect, useRef, useState } from 'react';
import { useApp } from '../shared/context';
import { FieldProblems } from '../shared/FieldProblems';
import {
  addInput,
  addVariable,
  checkVariableValue,
  inputsOf,
  removeDeclaration,
  setDeclarationDisplayName,
  updateDeclaration,
  variablesOf,
  variableTypeNames,
  variableValueText,
  type DeclarationKind,
  type WorkflowInput,
  type WorkflowVariable,
} from './declarations';
import type { PhaseWorkflow } from './document';
import { dataTypeLabels, dataTypes, isDataType } from '../shared/dataTypes';
import type { Problem } from './problems';

interface Props {
  document: PhaseWorkflow;
  byDeclaration: ReadonlyMap<string, Problem[]>;
  onEdit: (change: (d: PhaseWorkflow) => PhaseWorkflow, group?: string) => void;
}

/** The workflow's own inputs and variables, one row each, with the server's problems next to the row they name. */
export function DeclarationsEditor({ document, byDeclaration, onEdit }: Props) {
  const { t } = useApp();
  const inputs = inputsOf(document);
  const variables = variablesOf(document);
  return (
    <>
      <h4>{t('designerDeclInputsHeading')}</h4>
      <p className="designer-hint">{t('designerDeclInputsHelp')}</p>
      {inputs.length === 0 && <p className="designer-hint">{t('designerDeclNone')}</p>}
      {inputs.map((input, index) => (
        <InputRow key={index} index={index} input={input} problems={byDeclaration.get(`inputs/${index}`) ?? []} onEdit={onEdit} />
      ))}
      <button type="button" onClick={() => onEdit(addInput)}>
        {t('designerDeclAddInput')}
      </button>
      <h4>{t('designerDeclVariablesHeading')}</h4>
      <p className="designer-hint">{t('designerDeclVariablesHelp')}</p>
      {variables.length === 0 && <p className="designer-hint">{t('designerDeclNone')}</p>}
      {variables.map((variable, index) => (
        <VariableRow
          key={index}
          index={index}
          variable={variable}
          problems={byDeclaration.get(`variables/${index}`) ?? []}
          onEdit={onEdit}
        />
      ))}
      <button type="button" onClick={() => onEdit(addVariable)}>
        {t('designerDeclAddVariable')}
      </button>
    </>
  );
}

interface RowProps {
  index: number;
  problems: Problem[];
  onEdit: Props['onEdit'];
}

function Row({
  kind,
  index,
  problems,
  name,
  children,
  onEdit,
}: RowProps & { kind: DeclarationKind; name: string; children: React.ReactNode }) {
  const { t } = useApp();
  const label = t(kind === 'inputs' ? 'designerDeclInputRow' : 'designerDeclVariableRow', { n: index + 1 });
  const set = (fields: Record<string, unknown>, field: string) =>
    onEdit((d) => updateDeclaration(d, kind, index, fields), `${kind}:${index}:${field}`);
  return (
    <div role="group" aria-label={label} className={`designer-declaration${problems.length ? ' has-problems' : ''}`}>
      <div className="designer-field">
        <label htmlFor={`${kind}-${index}-name`}>{t('designerDeclName')}</label>
        <div className="designer-inline">
          <input
            id={`${kind}-${index}-name`}
            value={name}
            aria-invalid={problems.length > 0}
            onChange={(e) => set({ name: e.target.value }, 'name')}
          />
          <button
            type="button"
            aria-label={t(kind === 'inputs' ? 'designerDeclRemoveInput' : 'designerDeclRemoveVariable', { name })}
            onClick={() => onEdit((d) => removeDeclaration(d, kind, index))}
          >
            ✕
          </button>
        </div>
      </div>
      {children}
      <FieldProblems className="designer-field-problems" problems={problems} testId={`declaration-problems-${kind}-${index}`} />
    </div>
  );
}

function InputRow({ input, ...p }: RowProps & { input: WorkflowInput }) {
  const { t } = useApp();
  const id = `inputs-${p.index}`;
  const set = (fields: Record<string, unknown>, field: string) =>
    p.onEdit((d) => updateDeclaration(d, 'inputs', p.index, fields), `inputs:${p.index}:${field}`);
  const known = isDataType(input.type);
  return (
    <Row kind="inputs" name={input.name ?? ''} {...p}>
      <div className="designer-inline designer-declaration-type">
        <div className="designer-field">
          <label htmlFor={`${id}-type`}>{t('designerDeclType')}</label>
          <select id={`${id}-type`} value={input.type ?? ''} onChange={(e) => set({ type: e.target.value }, 'type')}>
            {!known && <option value={input.type ?? ''}>{input.type ?? ''}</option>}
            {dataTypes.map((type) => (
              <option key={type} value={type}>
                {t(dataTypeLabels[type])} ({type})
              </option>
            ))}
          </select>
        </div>
        <label className="designer-check">
          <input type="checkbox" checked={input.required === true} onChange={(e) => set({ required: e.target.checked }, 'required')} />{' '}
          {t('designerDeclRequired')}
        </label>
      </div>
      {(['en', 'zh-CN'] as const).map((l) => (
        <div className="designer-field" key={l}>
          <label htmlFor={`${id}-name-${l}`}>{l === 'en' ? t('designerDeclNameEn') : t('designerDeclNameZh')}</label>
          <input
            id={`${id}-name-${l}`}
            lang={l}
            value={input.displayNames?.[l] ?? ''}
            onChange={(e) =>
              p.onEdit((d) => setDeclarationDisplayName(d, 'inputs', p.index, l, e.target.value), `inputs:${p.index}:displayName:${l}`)
            }
          />
        </div>
      ))}
      <div className="designer-field">
        <label htmlFor={`${id}-description`}>{t('designerDeclDescription')}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={input.description ?? ''}
          onChange={(e) => set({ description: e.target.value || undefined }, 'description')}
        />
      </div>
    </Row>
  );
}

function VariableRow({ variable, ...p }: RowProps & { variable: WorkflowVariable }) {
  const { t } = useApp();
  const id = `variables-${p.index}`;
  const set = (fields: Record<string, unknown>, field: string) =>
    p.onEdit((d) => updateDeclaration(d, 'variables', p.index, fields), `variables:${p.index}:${field}`);
  const typeName = variable.typeName ?? 'Object';
  // The value field keeps what is typed, also text that is not JSON yet; the document gets only
  // valid values. When the document changes elsewhere (undo), the field shows it again.
  const stored = variableValueText(variable);
  const [text, setText] = useState(stored);
  const echo = useRef(stored);
  useEffect(() => {
    if (stored !== echo.current) {
      echo.current = stored;
      setText(stored);
    }
  }, [stored]);
  const check = checkVariableValue(text, typeName);
  const changeValue = (value: string) => {
    setText(value);
    const next = checkVariableValue(value, typeName);
    if (next.ok) {
      echo.current = next.value ?? '';
      set({ value: next.value }, 'value');
    }
  };
  // Text that was not JSON may be fine for the new type (a String takes any text): apply it with the type.
  const changeType = (next: string) => {
    const checked = checkVariableValue(text, next);
    if (checked.ok) echo.current = checked.value ?? '';
    set(checked.ok ? { typeName: next, value: checked.value } : { typeName: next }, 'type');
  };
  return (
    <Row kind="variables" name={variable.name ?? ''} {...p}>
      <div className="designer-inline designer-declaration-type">
        <div className="designer-field">
          <label htmlFor={`${id}-type`}>{t('designerDeclType')}</label>
          <select id={`${id}-type`} value={typeName} onChange={(e) => changeType(e.target.value)}>
            {!(variableTypeNames as readonly string[]).includes(typeName) && <option value={typeName}>{typeName}</option>}
            {variableTypeNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <label className="designer-check">
          <input type="checkbox" checked={variable.isArray === true} onChange={(e) => set({ isArray: e.target.checked }, 'isArray')} />{' '}
          {t('designerDeclIsArray')}
        </label>
      </div>
      <div className="designer-field">
        <label htmlFor={`${id}-value`}>{typeName === 'String' ? t('designerDeclValueText') : t('designerDeclValue')}</label>
        <input id={`${id}-value`} value={text} aria-invalid={!check.ok} onChange={(e) => changeValue(e.target.value)} spellCheck={false} />
        {!check.ok && <p className="designer-field-problems">{t('designerDeclValueInvalid', { error: check.error })}</p>}
      </div>
    </Row>
  );
}
