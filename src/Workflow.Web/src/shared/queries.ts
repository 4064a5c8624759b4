import { ApiError } from './api';

/**
 * Whether a failed query is tried again: a refusal (4xx: the key, the input, a missing object) is
 * final, a server or network failure is tried up to twice more (TanStack Query backs off between tries).
 */
export function retryPolicy(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}
