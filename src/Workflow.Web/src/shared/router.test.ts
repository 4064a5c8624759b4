import { describe, expect, test } from 'vitest';
import { appPath, href, matchPath, mayLeave, setNavigationGuard } from './router';

describe('paths inside the app', () => {
  test.each([
    ['/app', '/'],
    ['/app/', '/'],
    ['/app/campaigns', '/campaigns'],
    ['/app/campaigns/', '/campaigns'],
    ['/app/campaigns/7b0c', '/campaigns/7b0c'],
    ['/elsewhere', '/'],
  ])('%s is %s', (pathname, path) => {
    expect(appPath(pathname)).toBe(path);
  });

  test('href puts the base in front', () => {
    expect(href('/')).toBe('/app/');
    expect(href('/audit')).toBe('/app/audit');
    expect(href('designer/x')).toBe('/app/designer/x');
  });
});

describe('matching', () => {
  test('captures named segments, decoded', () => {
    expect(matchPath('/campaigns/:id', '/campaigns/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/designer/:definitionId/:version', '/designer/study-phase/2')).toEqual({ definitionId: 'study-phase', version: '2' });
  });

  test('refuses other shapes', () => {
    expect(matchPath('/campaigns/:id', '/campaigns')).toBeNull();
    expect(matchPath('/campaigns/:id', '/audit/x')).toBeNull();
    expect(matchPath('/campaigns/:id', '/campaigns/%E0%A4%A')).toBeNull();
    expect(matchPath('/', '/')).toEqual({});
  });
});

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
