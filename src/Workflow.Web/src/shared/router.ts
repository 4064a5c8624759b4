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

/** A page's question before it is left (unsaved edits), or nothing when it may be left freely. */
export type NavigationGuard = () => string | null | undefined;

const guards = new Set<NavigationGuard>();

/** Registers a guard that navigate() and back/forward consult; returns its removal. */
export function setNavigationGuard(guard: NavigationGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** Whether the current page may be left: each guard with a question asks it, and one "no" stays. */
export function mayLeave(ask: (question: string) => boolean = (question) => window.confirm(question)): boolean {
  for (const guard of guards) {
    const question = guard();
    if (question && !ask(question)) return false;
  }
  return true;
}

/**
 * While `when` holds, leaving the page asks `message`: links and navigate() (window.confirm), back and
 * forward (the same), reload and closing the tab (the browser's own question; it shows no custom text).
 */
export function useNavigationGuard(when: boolean, message: string) {
  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    const remove = setNavigationGuard(() => message);
    return () => {
      window.removeEventListener('beforeunload', warn);
      remove();
    };
  }, [when, message]);
}

/** The URL the app shows, to go back to when a guard keeps the page after back/forward. */
let shown: string | null = null;

/**
 * Goes to a path inside the app without reloading (replace: no new history entry); false when a
 * guard kept the page. `force` skips the guards: for a page's own moves after it saved its work.
 */
export function navigate(path: string, options: { replace?: boolean; search?: string; force?: boolean } = {}): boolean {
  if (!options.force && !mayLeave()) return false;
  const url = href(path) + (options.search ? `?${options.search.replace(/^\?/, '')}` : '');
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  shown = location.href;
  window.dispatchEvent(new Event(changed));
  return true;
}

// Back and forward have already changed the URL when popstate fires: a guard that says "stay" puts
// the page's URL back (as a new entry; the entries ahead of it are lost, which is the price of staying).
function followHistory() {
  if (shown !== null && !mayLeave()) {
    history.pushState(null, '', shown);
    return;
  }
  shown = location.href;
  window.dispatchEvent(new Event(changed));
}

/** The current path inside the app and its query, following links, back and forward. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const read = () => ({ path: appPath(location.pathname), search: new URLSearchParams(location.search) });
  const [state, setState] = useState(read);
  useEffect(() => {
    // One popstate listener for the whole app (however many useLocation), so a guard asks once.
    if (shown === null) {
      shown = location.href;
      window.addEventListener('popstate', followHistory);
    }
    const update = () => setState(read());
    window.addEventListener(changed, update);
    return () => window.removeEventListener(changed, update);
  }, []);
  return state;
}
