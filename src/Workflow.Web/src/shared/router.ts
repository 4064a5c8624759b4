import { useEffect, useMemo } from 'react';
import { useBlocker, useLocation as useRouterLocation, type Location } from 'react-router';

// Routing is react-router's (a data router, see App.tsx); this module adds what the pages share on top
// of it: one `navigate` that code outside components can call too, and the questions pages ask before
// they are left with unsaved work. The app lives under /app/ (vite's base and the router's basename).

export const basePath = '/app';

/** What `navigate` needs of the router: react-router's own `router.navigate`. */
interface Navigator {
  navigate(to: string, options: { replace?: boolean; state?: unknown; flushSync?: boolean }): unknown;
}

let router: Navigator | null = null;

/** Binds the app's router (once, where it is created). */
export function bindRouter(next: Navigator) {
  router = next;
}

/** Navigation state that skips the questions: a page's own moves after it saved its work. */
const forced = { force: true } as const;

/**
 * Goes to a path inside the app (replace: no new history entry). `force` skips the guards; otherwise
 * a page with unsaved work asks first (NavigationQuestions), and may keep the page.
 */
export function navigate(path: string, options: { replace?: boolean; search?: string; force?: boolean } = {}) {
  const to = path + (options.search ? `?${options.search.replace(/^\?/, '')}` : '');
  // flushSync: the URL and the page change together, at once. A control drawn from the query (the
  // worklist's "only overdue") would otherwise snap back for a moment, as React defers a transition.
  void router?.navigate(to, { replace: options.replace, state: options.force ? forced : undefined, flushSync: true });
}

/** The current path inside the app and its query. */
export function useLocation(): { path: string; search: URLSearchParams } {
  const location = useRouterLocation();
  return useMemo(
    () => ({ path: location.pathname.replace(/\/+$/, '') || '/', search: new URLSearchParams(location.search) }),
    [location.pathname, location.search],
  );
}

/** A page's question before it is left (unsaved edits), or nothing when it may be left freely. */
export type NavigationGuard = () => string | null | undefined;

const guards = new Set<NavigationGuard>();

/** Registers a guard that every navigation consults; returns its removal. */
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

function hasQuestions(): boolean {
  for (const guard of guards) if (guard()) return true;
  return false;
}

/** Whether a move from one location to another must ask the pages' questions first. */
export function mustAsk(current: Pick<Location, 'pathname' | 'search'>, next: Pick<Location, 'pathname' | 'search' | 'state'>): boolean {
  if ((next.state as { force?: boolean } | null)?.force) return false;
  if (current.pathname === next.pathname && current.search === next.search) return false;
  return hasQuestions();
}

/**
 * Asks the pages' questions for every navigation inside the app (links, navigate(), back and forward):
 * rendered once, in the app's layout. Staying keeps the page and its URL.
 */
export function NavigationQuestions() {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => mustAsk(currentLocation, nextLocation));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (mayLeave()) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  return null;
}

/**
 * While `when` holds, leaving the page asks `message`: inside the app (window.confirm), and on reload
 * or closing the tab (the browser's own question; it shows no custom text).
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
