import type { RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { describe, expect, test } from 'vitest';
import { translate, type Language } from '../shared/i18n';
import { checkRules, completionBody, completionForm, wordErrors, type JsonSchema } from './resultSchema';
// What GET /api/v1/activity-descriptors serves for four seed types (tests/Workflow.Api.Tests/Web/ResultSchemaCopyTests keeps it equal).
import servedSchemas from './resultSchemas.fixture.json';

const resultSchemas = servedSchemas as unknown as Record<string, JsonSchema>;
const formOf = (type: string, language: Language = 'en') =>
  completionForm(resultSchemas[type], language, (key, params) => translate(language, key, params));

/** What rjsf's Ajv validator finds in the data, in the page's words, by field path. */
function problems(type: string, data: Record<string, unknown>, language: Language = 'en') {
  const form = formOf(type, language);
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);
  const { errors } = validator.validateFormData(data, form.schema, checkRules(form.rules, language), wordErrors(t), form.uiSchema);
  return errors.map((e) => [e.property, e.message]);
}

describe('completion form from the result schema', () => {
  test('a meeting asks for its date (required), counts, minutes and findings as rows; the outcome is not asked', () => {
    const form = formOf('Campaign.Meeting', 'zh-CN');
    expect(form.outcomes).toBeNull();
    const properties = form.schema.properties as Record<string, RJSFSchema>;
    expect(Object.keys(properties)).toEqual(['heldOn', 'attendees', 'minutes', 'decisions', 'problemsIdentified', 'findings']);
    expect(form.schema.required).toEqual(['heldOn']);
    expect(properties.heldOn).toMatchObject({ title: '召开日期', type: 'string', format: 'date' });
    // Rows are objects with their own required fields, the $ref inlined and named in the page's language.
    const finding = properties.findings.items as RJSFSchema;
    expect(finding.required).toEqual(['title']);
    expect(form.uiSchema.findings.items.kind['ui:enumNames']).toEqual(['意见', '问题', '建议']);
    expect(form.uiSchema.attendees['ui:description']).toBe('人');
    expect(form.uiSchema.decisions['ui:widget']).toBe('textarea');
  });

  test('a review chooses its outcome first; an appraisal leaves the derived satisfaction out', () => {
    const review = formOf('Campaign.Review', 'zh-CN');
    expect(review.outcomes).toEqual(['Approved', 'ChangesRequested']);
    expect(Object.keys(review.schema.properties ?? {})[0]).toBe('outcome');
    expect(review.schema.required).toContain('outcome');
    expect(review.uiSchema.outcome['ui:enumNames']).toEqual(['通过', '需修改']);
    const appraisal = formOf('Campaign.Appraisal');
    expect(Object.keys(appraisal.schema.properties ?? {})).toEqual(['heldOn', 'participants', 'satisfied', 'participantGroups']);
    expect(appraisal.schema.properties?.participants).toMatchObject({ type: 'integer', minimum: 1 });
  });

  test('required, minimum, date and row problems are found before sending, one message per field', () => {
    expect(problems('Campaign.Meeting', { attendees: -1, minutes: [{ sha256: 'abc' }] })).toEqual([
      ['heldOn', 'Required.'],
      ['.attendees', 'Must be at least 0.'],
      ['.minutes.0.uri', 'Required.'],
      ['.minutes.0.sha256', 'The format is not valid.'],
    ]);
    expect(problems('Campaign.Appraisal', { heldOn: '2023-13-45', participants: 0, satisfied: 0 }, 'zh-CN')).toEqual([
      ['.heldOn', '请输入日期（年-月-日）。'],
      ['.participants', '不能小于 1。'],
    ]);
    // A blank title only says "not blank": asked for like a missing one.
    expect(problems('Campaign.Meeting', { heldOn: '2023-06-10', findings: [{ title: ' ' }] })).toEqual([
      ['.findings.0.title', 'Required.'],
    ]);
    expect(problems('Campaign.Meeting', { heldOn: '2023-06-10', attendees: 56 })).toEqual([]);
  });

  test('the rules across fields are checked with their own words in the page language', () => {
    expect(problems('Campaign.Appraisal', { heldOn: '2023-06-10', participants: 40, satisfied: 45 }, 'zh-CN')).toEqual([
      ['.satisfied', '满意人数（45）不能超过参评人数（40）。'],
    ]);
  });

  test('the body carries the outcome beside the result; blank texts are left out and texts trimmed', () => {
    expect(
      completionBody(formOf('Campaign.Review'), { outcome: 'Approved', reviewedOn: '2023-06-10', comments: '  ok ', commentCount: 2 }),
    ).toEqual({ outcome: 'Approved', result: { reviewedOn: '2023-06-10', comments: 'ok', commentCount: 2 } });
    expect(
      completionBody(formOf('Campaign.Meeting'), {
        heldOn: '2023-06-10',
        findings: [{ title: '师资不足', kind: 'problem', deadline: '' }],
      }),
    ).toEqual({ outcome: undefined, result: { heldOn: '2023-06-10', findings: [{ title: '师资不足', kind: 'problem' }] } });
  });
});
