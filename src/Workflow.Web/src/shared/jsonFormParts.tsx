import { getDefaultRegistry } from '@rjsf/core';
import {
  ariaDescribedByIds,
  getUiOptions,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  type IconButtonProps,
  type RegistryWidgetsType,
  type TemplatesType,
  type WidgetProps,
} from '@rjsf/utils';
import { TranslatableString, englishStringTranslator } from '@rjsf/utils';
import { Button } from 'antd';
import type { Translate } from './i18n';

// What the app's generated forms (a task's result, a campaign's list and record inputs) draw
// differently from rjsf's Ant Design theme: a native <select> and a native date field (the keyboard,
// screen readers and the browser's own date picker all know them), rows that say which row they are
// ("Documents No. 1") with one remove button each, and rjsf's own few words in the page's language.
// Every form passes formContext={{ t }}.

function NativeSelectWidget({
  id,
  name,
  label,
  value,
  required,
  disabled,
  readonly,
  options,
  onChange,
  onBlur,
  onFocus,
  registry,
}: WidgetProps) {
  // rjsf's choice between an entry's kinds (anyOf) always holds one: no "choose" placeholder, and its own name.
  const kindChoice = name.endsWith('__anyof_select');
  const choose = (registry.formContext as { t: Translate }).t('formChoose');
  return (
    <select
      id={id}
      name={id}
      className="campaign-form-select"
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      aria-describedby={ariaDescribedByIds(id)}
      aria-label={kindChoice ? label : undefined}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      {!kindChoice && <option value="">{choose}</option>}
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

function RowsTemplate({
  title,
  items,
  canAdd,
  onAddClick,
  required,
  disabled,
  readonly,
  registry,
  fieldPathId,
  uiSchema,
}: ArrayFieldTemplateProps) {
  const { t } = registry.formContext as { t: Translate };
  // A list that is itself a required field of a larger form says so in its options.
  const marked = required || getUiOptions(uiSchema).required === true;
  return (
    <fieldset className="campaign-form-rows" id={fieldPathId.$id}>
      <legend>
        {title}
        {marked && <span aria-hidden="true"> *</span>}
      </legend>
      {items}
      {canAdd && (
        <Button size="small" onClick={onAddClick} disabled={disabled || readonly}>
          {t('formAddRow')} · {title}
        </Button>
      )}
    </fieldset>
  );
}

function RowTemplate({ children, index, buttonsProps, parentUiSchema, registry }: ArrayFieldItemTemplateProps) {
  const { t } = registry.formContext as { t: Translate };
  const rowsTitle = String(parentUiSchema?.['ui:title'] ?? '');
  return (
    <div className="campaign-form-row" role="group" aria-label={`${rowsTitle} ${t('formRowNumber', { n: index + 1 })}`}>
      {children}
      {buttonsProps.hasRemove && (
        <Button size="small" onClick={buttonsProps.onRemoveItem} disabled={buttonsProps.disabled || buttonsProps.readonly}>
          {t('formRemoveRow')}
        </Button>
      )}
    </div>
  );
}

// A record's field buttons in words: the theme's icon-only ones are named by their icon ("plus-circle").
function AddFieldButton({ onClick, disabled, registry }: IconButtonProps) {
  return (
    <Button size="small" onClick={onClick} disabled={disabled}>
      {(registry.formContext as { t: Translate }).t('formAddField')}
    </Button>
  );
}

function RemoveFieldButton({ onClick, disabled, registry }: IconButtonProps) {
  return (
    <Button size="small" onClick={onClick} disabled={disabled}>
      {(registry.formContext as { t: Translate }).t('formRemoveField')}
    </Button>
  );
}

export const templates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> & { ButtonTemplates?: Partial<TemplatesType['ButtonTemplates']> } =
  {
    ArrayFieldTemplate: RowsTemplate,
    ArrayFieldItemTemplate: RowTemplate,
    ButtonTemplates: { AddButton: AddFieldButton, RemoveButton: RemoveFieldButton },
  };

/** rjsf's own words (a record's key, its add button, a new entry's value, the choice of an entry's kind) in the page's language. */
export function translateString(t: Translate) {
  return (key: TranslatableString, params?: string[]): string => {
    switch (key) {
      case TranslatableString.KeyLabel:
        return t('formFieldName');
      case TranslatableString.AddButton:
      case TranslatableString.AddItemButton:
        return t('formAddField');
      case TranslatableString.NewStringDefault:
        return '';
      case TranslatableString.RemoveButton:
        return t('formRemoveRow');
      default:
        return englishStringTranslator(key, params);
    }
  };
}
