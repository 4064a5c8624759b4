import type { ReactNode } from 'react';
import { useApp } from './context';
import type { Loaded } from './useLoad';

/** A table of loaded rows, or the load's error, or "loading", or the empty text. */
export function Listing({
  state,
  empty,
  columns,
  rows,
}: {
  state: Pick<Loaded<unknown>, 'data' | 'error'>;
  empty: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const { t } = useApp();
  if (state.error)
    return (
      <p role="alert" className="error">
        {state.error}
      </p>
    );
  if (state.data === undefined) return <p>{t('loading')}</p>;
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <table>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
