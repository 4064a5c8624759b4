import { useEffect, useRef, useState } from 'react';
import { useApp } from '../shared/context';
import type { FormField } from './descriptors';
import { choiceName } from '../shared/choiceWords';
import { FieldProblems } from '../shared/FieldProblems';
import type { Problem } from './problems';

/**
 * One input of an activity. It keeps the text as typed (so "1." or a half-written expression stays
 * on screen) and writes each change to the document; when the document changes from elsewhere
 * (undo, redo) the field shows the document's value again.
 */
export function FieldEditor({
  id,
  field,
  problems,
  disabled,
  apply,
}: {
  id: string;
  field: FormField;
  problems: Problem[];
  disabled: boolean;
  /** Writes the text to the document; returns the field's value as the document will show it. */
  apply: (text: string, asExpression: boolean) => string;
}) {
  const { t, language } = useApp();
  const [text, setText] = useState(field.value);
  const [asExpression, setAsExpression] = useState(field.isExpression);
  const echo = useRef(field.value);
  useEffect(() => {
    if (field.value !== echo.current) {
      echo.current = field.value;
      setText(field.value);
      setAsExpression(field.isExpression);
    }
  }, [field.value, field.isExpression]);

  const change = (value: string, expression = asExpression) => {
    setText(value);
    echo.current = apply(value, expression);
  };
  const inputId = `field-${id}-${field.name}`;
  const errorId = `${inputId}-problems`;
  const common = {
    id: inputId,
    disabled,
    'aria-invalid': problems.length > 0,
    'aria-describedby': problems.length ? errorId : undefined,
    'aria-required': field.required,
  };
  const expression = asExpression || field.kind === 'expression';
  let control;
  if (expression || field.kind === 'text' || field.kind === 'json') {
    control = (
      <textarea
        {...common}
        className={expression ? 'designer-expression' : undefined}
        rows={expression ? 2 : 3}
        spellCheck={!expression}
        value={text}
        placeholder={field.placeholder}
        onChange={(e) => change(e.target.value)}
      />
    );
  } else if (field.kind === 'choice' || field.kind === 'boolean') {
    const options =
      field.kind === 'boolean'
        ? [
            ['true', t('designerYes')],
            ['false', t('designerNo')],
          ]
        : (field.options ?? []).map((o) => [o, choiceName(field.name, o, language)]);
    control = (
      <select {...common} value={text} onChange={(e) => change(e.target.value)}>
        <option value="">{field.placeholder ? t('designerPropDefault', { value: field.placeholder }) : t('designerPropUnset')}</option>
        {options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type={field.kind === 'date' ? 'date' : 'text'}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        value={text}
        placeholder={field.placeholder}
        onChange={(e) => change(e.target.value)}
      />
    );
  }
  return (
    <div className={`designer-field${problems.length ? ' has-problems' : ''}`}>
      <div className="designer-field-head">
        <label htmlFor={inputId}>
          {field.label}
          {field.required && <span className="designer-required"> ({t('designerPropRequired')})</span>}
        </label>
        {field.canBeExpression && (
          <label className="designer-expression-toggle">
            <input
              type="checkbox"
              disabled={disabled}
              checked={asExpression}
              onChange={(e) => {
                setAsExpression(e.target.checked);
                change(text, e.target.checked);
              }}
            />{' '}
            {t('designerPropAsExpression')}
          </label>
        )}
      </div>
      {control}
      {expression && <p className="designer-hint">{t('designerPropExpressionHelp')}</p>}
      {field.kind === 'list' && !expression && <p className="designer-hint">{t('designerPropListHelp')}</p>}
      <FieldProblems id={errorId} className="designer-field-problems" problems={problems} testId={`${inputId}-problems`} />
    </div>
  );
}
