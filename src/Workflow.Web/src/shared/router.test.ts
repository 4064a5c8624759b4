import { describe, expect, test } from 'vitest';
import { mayLeave, mustAsk, setNavigationGuard } from './router';

describe('navigation guards', () => {
  const asked: string[] = [];
  const answer = (yes: boolean) => (question: string) => {
    asked.push(question);
    return yes;
  };

  test('with no guard, or a guard without a question, the page is left without asking', () => {
    asked.length = 0;
    expect(mayLeave(answer(false))).toBe(true);
    const remove = setNavigationGuard(() => null);
    expect(mayLeave(answer(false))).toBe(true);
    remove();
    expect(asked).toEqual([]);
  });

  test("a guard's question is asked: yes leaves, no stays; once removed it asks no more", () => {
    asked.length = 0;
    const remove = setNavigationGuard(() => 'Leave without saving?');
    expect(mayLeave(answer(false))).toBe(false);
    expect(mayLeave(answer(true))).toBe(true);
    expect(asked).toEqual(['Leave without saving?', 'Leave without saving?']);
    remove();
    expect(mayLeave(answer(false))).toBe(true);
    expect(asked).toHaveLength(2);
  });

  test('the first "stay" ends the asking', () => {
    asked.length = 0;
    const first = setNavigationGuard(() => 'first');
    const second = setNavigationGuard(() => 'second');
    expect(mayLeave(answer(false))).toBe(false);
    expect(asked).toEqual(['first']);
    expect(mayLeave(answer(true))).toBe(true);
    expect(asked).toEqual(['first', 'first', 'second']);
    first();
    second();
  });
});

describe('which moves ask', () => {
  const at = (pathname: string, search = '', state: unknown = null) => ({ pathname, search, state });

  test('only with a question, only to another address, never when forced', () => {
    expect(mustAsk(at('/designer/drafts/1'), at('/campaigns'))).toBe(false);
    const remove = setNavigationGuard(() => 'Leave without saving?');
    expect(mustAsk(at('/designer/drafts/1'), at('/campaigns'))).toBe(true);
    expect(mustAsk(at('/audit', '?limit=50'), at('/audit', '?limit=100'))).toBe(true);
    expect(mustAsk(at('/designer/drafts/1'), at('/designer/drafts/1'))).toBe(false);
    expect(mustAsk(at('/designer/drafts/1'), at('/designer/drafts/2', '', { force: true }))).toBe(false);
    remove();
    expect(mustAsk(at('/designer/drafts/1'), at('/campaigns'))).toBe(false);
  });
});
