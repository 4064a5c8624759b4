import type { Language } from './i18n';

// The words for the fixed choices of activity inputs (Workflow.Engine's Choice inputs: a meeting's
// kind, a join's mode). The server lists the values, stable codes a definition stores, without
// labels; the page words them here in both languages. choiceWords.test.ts keeps them complete.

type Words = Record<Language, string>;

export const choiceWords: Record<string, Record<string, Words>> = {
  meetingKind: {
    mobilization: { en: 'Mobilization meeting', 'zh-CN': '动员会' },
    study: { en: 'Study meeting', 'zh-CN': '学习会' },
    organizationalLife: { en: 'Organizational life meeting', 'zh-CN': '专题组织生活会' },
    democraticLife: { en: 'Democratic life meeting', 'zh-CN': '专题民主生活会' },
    work: { en: 'Work meeting', 'zh-CN': '工作会议' },
    review: { en: 'Review meeting', 'zh-CN': '评议会' },
  },
  mode: {
    WaitAll: { en: 'Wait for every branch', 'zh-CN': '等待全部分支' },
    WaitAny: { en: 'Go on at the first branch', 'zh-CN': '任一分支到达即继续' },
  },
};

/** A choice value of an input in the page's language; a value this app does not know as it is spelled. */
export function choiceName(input: string, value: string, language: Language): string {
  return choiceWords[input]?.[value]?.[language] ?? value;
}
