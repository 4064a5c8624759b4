import { describe, expect, test } from 'vitest';
import { appPath, href, matchPath } from './router';

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
