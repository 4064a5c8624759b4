import type { JsonSchema } from './resultSchema';
import type { TaskView } from './taskStatus';

// A gate's figures against its threshold: from the comparisons in its condition
// ("results.massAppraisal.satisfaction >= inputs.satisfactionThreshold") and the values the server's
// evaluation observed, so a chart can draw 0.75 against 0.8 without evaluating the rule again.

export type Comparison = '>=' | '>' | '<=' | '<' | '===';

export interface GateMetric {
  /** The path of the measured value (results.…), or of the left side when both are inputs. */
  valuePath: string;
  value: number;
  /** The path of the threshold (inputs.…), or null for a number written in the condition. */
  thresholdPath: string | null;
  threshold: number;
  /** How value is compared with threshold (already turned round when the condition names the threshold first). */
  comparison: Comparison;
  met: boolean;
  /** Whether both are ratios (0..1), drawn as percentages. */
  ratio: boolean;
  /** The counts a derived ratio comes from (forms returned 125 of 180 issued), when known. */
  counts?: { part: number; whole: number };
}

export interface GateLike {
  condition: string;
  observed: Record<string, unknown>;
}

/** The counts behind a result's derived ratio: activity id and field → numerator and denominator. */
export type CountsOf = (activityId: string, field: string) => { part: number; whole: number } | undefined;

const operand = String.raw`((?:results|inputs)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*|-?\d+(?:\.\d+)?)`;
const clause = new RegExp(String.raw`^\(*\s*${operand}\s*(>=|<=|===|>|<)\s*${operand}\s*\)*$`);
const flipped: Record<Comparison, Comparison> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '===': '===' };

/** The number an operand stands for: a literal, an observed value, or the length of an observed array. */
function numberOf(token: string, observed: Record<string, unknown>): number | undefined {
  if (/^-?\d/.test(token)) return Number(token);
  const seen = observed[token];
  if (typeof seen === 'number') return seen;
  if (token.endsWith('.length')) {
    const list = observed[token.slice(0, -'.length'.length)];
    if (Array.isArray(list)) return list.length;
  }
  return undefined;
}

function holds(value: number, comparison: Comparison, threshold: number): boolean {
  switch (comparison) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '===':
      return value === threshold;
  }
}

/**
 * Every numeric comparison of the gate's condition whose two sides the evaluation saw (nothing before
 * it saw them). Only conditions that are "all of": with an "or", one comparison missing its mark
 * says nothing about the gate, so none is drawn.
 */
export function gateMetrics(gate: GateLike, countsOf?: CountsOf): GateMetric[] {
  const metrics: GateMetric[] = [];
  if (gate.condition.includes('||')) return metrics;
  for (const part of gate.condition.split('&&')) {
    const match = clause.exec(part.trim());
    if (!match) continue;
    let [, left, op, right] = match as unknown as [string, string, Comparison, string];
    // The measured value goes first: "inputs.x <= results.y" is "results.y >= inputs.x".
    if (!left.startsWith('results.') && right.startsWith('results.')) {
      [left, right] = [right, left];
      op = flipped[op];
    }
    if (/^-?\d/.test(left)) continue;
    const value = numberOf(left, gate.observed);
    const threshold = numberOf(right, gate.observed);
    if (value === undefined || threshold === undefined) continue;
    const ratio = value >= 0 && value <= 1 && threshold > 0 && threshold < 1;
    const [, activity, field] = left.split('.');
    const counts = ratio && left.startsWith('results.') && field ? countsOf?.(activity, field) : undefined;
    metrics.push({
      valuePath: left,
      value,
      thresholdPath: /^-?\d/.test(right) ? null : right,
      threshold,
      comparison: op,
      met: holds(value, op, threshold),
      ratio,
      ...(counts ? { counts } : {}),
    });
  }
  return metrics;
}

/**
 * The counts of a derived ratio (the result schema's x-derived numerator and denominator) from the
 * newest completed task of the activity: "formReturnRate" → formsReturned 125 of formsIssued 180.
 */
export function countsFromTasks(tasks: readonly TaskView[], schemas: Record<string, JsonSchema | undefined>): CountsOf {
  return (activityId, field) => {
    const derived = schemas[activityId]?.properties?.[field]?.['x-derived'] as { numerator?: string; denominator?: string } | undefined;
    if (!derived?.numerator || !derived.denominator) return undefined;
    const done = tasks
      .filter((t) => t.activityId === activityId && t.status === 'completed' && t.result && typeof t.result === 'object')
      .sort((a, b) => b.iteration - a.iteration)[0];
    const result = done?.result as Record<string, unknown> | undefined;
    const part = result?.[derived.numerator];
    const whole = result?.[derived.denominator];
    return typeof part === 'number' && typeof whole === 'number' ? { part, whole } : undefined;
  };
}
