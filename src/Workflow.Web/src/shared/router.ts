import { useEffect, useState } from 'react';

// A small router over the History API: the app lives under /app/ (vite's base), and the server
// answers index.html for every path below it, so deep links and reloads land on the same page.

export const basePath = '/app';

/** The path inside the app ("/", "/campaigns/…") for a location's pathname. */
export function appPath(pathname: string): string {
  if (pathname === basePath || pathname === `${basePath}/`) return '/';
  if (pathname.startsWith(`${basePath}/`)) return pathname.slice(basePath.length).replace(/\/+$/, '') || '/';
  return '/';
}

/** The href of a path inside the app. */
export function href(path: string): string {
  return path === '/' ? `${basePath}/` : `${basePath}${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * Matches a path against a pattern whose ":name" segments capture (decoded); null when it does not
 * match. "/campaigns/:id" matches "/campaigns/42" as { id: "42" }.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== have[i]) return null;
  }
  return params;
}

const changed = 'workflow:navigate';

/** Goes to a path inside the app without reloading (replace: no new history entry). */
export function navigate(path: string, options: { replace?: boolean; search?: string } = {}) {
  const url = href(path) + (options.search ? `?${options.search.replace(/^\?/, '')}` : '');
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.dispatchEvent(new Event(changed));
}

/** The current path inside the app and its query, following links, back and forward. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const read = () => ({ path: appPath(location.pathname), search: new URLSearchParams(location.search) });
  const [state, setState] = useState(read);
  useEffect(() => {
    const update = () => setState(read());
    window.addEventListener('popstate', update);
    window.addEventListener(changed, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(changed, update);
    };
  }, []);
  return state;
}
