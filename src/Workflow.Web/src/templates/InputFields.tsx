import { useApp } from '../shared/context';
import { FieldProblems } from '../shared/FieldProblems';
import { dataTypeLabels, dataTypes, isDataType } from '../shared/dataTypes';
import { emptyInput, type InputForm } from './templateModel';
import type { Problem } from './templateProblems';

/** The template's inputs: what a campaign started from it is given. */
export function InputFields({
  inputs,
  problems,
  onChange,
}: {
  inputs: InputForm[];
  problems: Map<string, Problem[]>;
  onChange: (inputs: InputForm[], structural?: boolean) => void;
}) {
  const { t } = useApp();
  const set = (i: number, patch: Partial<InputForm>) => onChange(inputs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <section className="templates-inputs" aria-labelledby="templates-inputs-heading">
      <h3 id="templates-inputs-heading">{t('templatesInputs')}</h3>
      {inputs.length === 0 && <p className="templates-hint">{t('templatesNoInputs')}</p>}
      {inputs.map((input, i) => (
        <fieldset key={input.key} className="templates-input" aria-label={t('templatesInputGroup', { number: i + 1 })}>
          <FieldProblems className="templates-field-problems" problems={problems.get(`inputs.${i}`)} />
          <div className="templates-row">
            <label>
              {t('templatesInputName')}
              <input value={input.name} onChange={(e) => set(i, { name: e.target.value })} />
              <FieldProblems className="templates-field-problems" problems={problems.get(`inputs.${i}.name`)} />
            </label>
            <label>
              {t('templatesInputType')}
              <select value={input.type} onChange={(e) => set(i, { type: e.target.value })}>
                {/* A type the engine does not know is kept as spelled, so saving does not change it. */}
                {!isDataType(input.type) && <option value={input.type}>{input.type}</option>}
                {dataTypes.map((d) => (
                  <option key={d} value={d}>
                    {t(dataTypeLabels[d])}
                  </option>
                ))}
              </select>
              <FieldProblems className="templates-field-problems" problems={problems.get(`inputs.${i}.type`)} />
            </label>
            <label className="templates-check">
              <input type="checkbox" checked={input.required} onChange={(e) => set(i, { required: e.target.checked })} />
              {t('templatesInputRequired')}
            </label>
            <label className="templates-wide">
              {t('templatesInputDescription')}
              <input value={input.description} onChange={(e) => set(i, { description: e.target.value })} />
            </label>
            <button
              type="button"
              onClick={() =>
                onChange(
                  inputs.filter((_, j) => j !== i),
                  true,
                )
              }
            >
              {t('templatesRemoveInput')}
            </button>
          </div>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...inputs, emptyInput()], true)}>
        {t('templatesAddInput')}
      </button>
    </section>
  );
}
