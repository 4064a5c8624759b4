import { Segmented } from 'antd';
import { languageNames, languages, type Language, type Translate } from '../shared/i18n';

/** The two languages as one control: each option written in its own language. */
export function LanguageSwitch({ language, onChange, t }: { language: Language; onChange: (l: Language) => void; t: Translate }) {
  return (
    <Segmented<Language>
      data-testid="language-switch"
      aria-label={t('language')}
      size="small"
      value={language}
      onChange={onChange}
      options={languages.map((l) => ({ value: l, label: <span lang={l}>{languageNames[l]}</span> }))}
    />
  );
}
