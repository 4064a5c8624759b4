import { getDefaultRegistry } from '@rjsf/core';
import {
  ariaDescribedByIds,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type RegistryWidgetsType,
  type TemplatesType,
  type WidgetProps,
} from '@rjsf/utils';
import { Button } from 'antd';
import type { Translate } from '../shared/i18n';

// What the completion form draws differently from rjsf's Ant Design theme: a native <select> and a
// native date field (the keyboard, screen readers and the browser's own date picker all know them),
// and rows that say which row they are ("Documents No. 1") with one remove button each.

function NativeSelectWidget({ id, value, required, disabled, readonly, options, onChange, onBlur, onFocus, registry }: WidgetProps) {
  const choose = (registry.formContext as { t: Translate }).t('campaignPageChoose');
  return (
    <select
      id={id}
      name={id}
      className="campaign-form-select"
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      <option value="">{choose}</option>
      {(options.enumOptions ?? []).map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export const widgets: RegistryWidgetsType = {
  SelectWidget: NativeSelectWidget,
  DateWidget: getDefaultRegistry().widgets.DateWidget,
};

function RowsTemplate({ title, items, canAdd, onAddClick, required, disabled, readonly, registry, fieldPathId }: ArrayFieldTemplateProps) {
  const { t } = registry.formContext as { t: Translate };
  return (
    <fieldset className="campaign-form-rows" id={fieldPathId.$id}>
      <legend>
        {title}
        {required && <span aria-hidden="true"> *</span>}
      </legend>
      {items}
      {canAdd && (
        <Button size="small" onClick={onAddClick} disabled={disabled || readonly}>
          {t('campaignPageAddRow')} · {title}
        </Button>
      )}
    </fieldset>
  );
}

function RowTemplate({ children, index, buttonsProps, parentUiSchema, registry }: ArrayFieldItemTemplateProps) {
  const { t } = registry.formContext as { t: Translate };
  const rowsTitle = String(parentUiSchema?.['ui:title'] ?? '');
  return (
    <div className="campaign-form-row" role="group" aria-label={`${rowsTitle} ${t('campaignPageRowNumber', { n: index + 1 })}`}>
      {children}
      {buttonsProps.hasRemove && (
        <Button size="small" onClick={buttonsProps.onRemoveItem} disabled={buttonsProps.disabled || buttonsProps.readonly}>
          {t('campaignPageRemoveRow')}
        </Button>
      )}
    </div>
  );
}

export const templates: Partial<TemplatesType> = { ArrayFieldTemplate: RowsTemplate, ArrayFieldItemTemplate: RowTemplate };
