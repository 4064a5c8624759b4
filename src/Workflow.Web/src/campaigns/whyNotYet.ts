import type { Schemas } from '../shared/api';
import type { Language, Translate } from '../shared/i18n';
import { formatDate, isDateOnly } from '../shared/format';
import { label, type JsonSchema } from './resultSchema';

// The answer to "why can't we move on yet?", in the page's language, built from the progress
// response (what the flowchart waits for, each gate's state and the values it saw). The engine's
// own trigger reasons are English sentences for integrators, so the page words its own.

export type Progress = Schemas['ProgressResponse'];
export type Gate = Schemas['GateView'];

/** What turns ids into words: activity names of the current phase, result field names, template inputs. */
export interface Names {
  language: Language;
  /** activity id → its name in the page's language */
  activities: Record<string, string>;
  /** activity id → the activity type's result schema */
  resultSchemas: Record<string, JsonSchema | undefined>;
  /** template input name → its display names */
  inputs: Record<string, Partial<Record<Language, string>> | undefined>;
}

/** "studyAndRules" or a task id "orgLifeMeeting:1:0" → the activity's name (and the unit's number). */
export function taskName(id: string, names: Names): string {
  const [activity, , unit] = id.split(':');
  const name = names.activities[activity] ?? activity;
  return unit === undefined ? name : `${name} #${Number(unit) + 1}`;
}

/** A value as the page shows it: ratios as percentages, numbers in the page's format. */
export function formatValue(value: unknown, unit: string | undefined, language: Language, t: Translate): string {
  if (value === null || value === undefined) return t('campaignPageGateNoValue');
  if (typeof value === 'number') {
    return unit === 'ratio'
      ? new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value)
      : new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(value);
  }
  if (typeof value === 'boolean') return t(value ? 'campaignPageYes' : 'campaignPageNo');
  if (Array.isArray(value)) return t('campaignPageItems', { count: value.length });
  if (value === 'Approved') return t('campaignPageOutcomeApproved');
  if (value === 'ChangesRequested') return t('campaignPageOutcomeChangesRequested');
  // A meeting's day, a finding's deadline: a date in the page's language, never an instant.
  if (isDateOnly(value)) return formatDate(value, language);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * One observed value's name and text: "results.massAppraisal.satisfaction" → "Mass satisfaction
 * appraisal – Satisfaction rate", "66.7%"; "inputs.satisfactionThreshold" → "Satisfaction threshold", "80%".
 */
export function describeObserved(key: string, value: unknown, names: Names, t: Translate): { name: string; text: string } {
  const parts = key.split('.');
  if (parts[0] === 'results' && parts.length >= 2) {
    const activity = names.activities[parts[1]] ?? parts[1];
    const field = parts[2];
    const schema = field ? names.resultSchemas[parts[1]]?.properties?.[field] : undefined;
    const fieldName =
      field === 'length'
        ? t('campaignPageCount')
        : field === 'outcome'
          ? t('campaignPageOutcome')
          : field
            ? label(schema?.['x-displayNames'], names.language, field)
            : '';
    const rest = parts.slice(3).join('.');
    return {
      name: [activity, fieldName, rest].filter(Boolean).join(' – '),
      text: formatValue(value, schema?.['x-unit'], names.language, t),
    };
  }
  if (parts[0] === 'inputs' && parts.length >= 2) {
    const input = label(names.inputs[parts[1]], names.language, parts[1]);
    const rest = parts.slice(2).join('.');
    // Thresholds between 0 and 1 are ratios in the seed template ("satisfactionThreshold": 0.8).
    const ratio = /threshold/i.test(parts[1]) && typeof value === 'number' && value <= 1;
    return {
      name: [input, rest === 'length' ? t('campaignPageCount') : rest].filter(Boolean).join(' – '),
      text: formatValue(value, ratio ? 'ratio' : undefined, names.language, t),
    };
  }
  return { name: key, text: formatValue(value, undefined, names.language, t) };
}

export interface Explanation {
  heading: string;
  /** Whether the forward move (advance, or complete in the last phase) is allowed now. */
  permitted: boolean;
  reasons: string[];
  /** The trigger that moves forward from here, or null outside the phases. */
  trigger: 'advance' | 'complete' | null;
}

/** Why the campaign cannot move forward, one sentence per obstacle, in the page's language. */
export function explain(progress: Progress, names: Names, t: Translate): Explanation {
  const sep = t('campaignPageListSeparator');
  const index = progress.phases.findIndex((p) => p.id === progress.currentPhase);
  if (index < 0)
    return { heading: t('campaignPageReadyHeading'), permitted: false, reasons: [t('campaignPageWhyNotInPhase')], trigger: null };
  const next = progress.phases[index + 1];
  const trigger = next ? 'advance' : 'complete';
  const permitted = progress.triggers.some((x) => x.trigger === trigger && x.permitted);
  if (permitted) {
    return {
      heading: t('campaignPageReadyHeading'),
      permitted,
      reasons: [next ? t('campaignPageWhyReady', { phase: next.displayName }) : t('campaignPageWhyReadyComplete')],
      trigger,
    };
  }
  const reasons: string[] = [];
  if (progress.suspended) reasons.push(t('campaignPageWhySuspended'));
  if (progress.waitingFor.length > 0)
    reasons.push(t('campaignPageWhyTasksOpen', { tasks: progress.waitingFor.map((id) => taskName(id, names)).join(sep) }));
  for (const gate of progress.gates) {
    if (gate.state === 'met') continue;
    if (gate.state === 'pending')
      reasons.push(
        t('campaignPageWhyGatePending', { gate: gate.displayName, tasks: gate.waitingFor.map((id) => taskName(id, names)).join(sep) }),
      );
    else if (gate.state === 'unmet') {
      const values = Object.entries(gate.observed).map(([k, v]) => {
        const o = describeObserved(k, v, names, t);
        return `${o.name} = ${o.text}`;
      });
      reasons.push(t('campaignPageWhyGateUnmet', { gate: gate.displayName, values: values.join(sep) }));
    } else reasons.push(t('campaignPageWhyGateError', { gate: gate.displayName }));
  }
  return {
    heading: next ? t('campaignPageWhyHeading', { phase: next.displayName }) : t('campaignPageWhyCompleteHeading'),
    permitted,
    reasons,
    trigger,
  };
}

/**
 * A gate's condition in words of the page's language: the names of the results and inputs it reads
 * instead of their paths, and mathematical signs instead of JavaScript's. The template describes
 * gates in English only, so this is what a Chinese page can say of the rule.
 */
export function describeCondition(condition: string, names: Names, t: Translate): string {
  return condition
    .replace(/\b(results|inputs)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*/g, (path) => describeObserved(path, null, names, t).name)
    .replace(/'Approved'/g, `“${t('campaignPageOutcomeApproved')}”`)
    .replace(/'ChangesRequested'/g, `“${t('campaignPageOutcomeChangesRequested')}”`)
    .replace(/\s*===\s*/g, ' = ')
    .replace(/\s*!==\s*/g, ' ≠ ')
    .replace(/\s*>=\s*/g, ' ≥ ')
    .replace(/\s*<=\s*/g, ' ≤ ')
    .replace(/\s*&&\s*/g, ` ${t('campaignPageAnd')} `)
    .replace(/\s*\|\|\s*/g, ` ${t('campaignPageOr')} `);
}
