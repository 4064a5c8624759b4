import type { ReactNode } from 'react';
import { useApp } from './context';
import { queryError } from './queries';

/** A table of a query's rows, or the query's error, or "loading", or the empty text. */
export function Listing({
  query,
  empty,
  columns,
  rows,
}: {
  query: { data: unknown; error: unknown };
  empty: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  const { t } = useApp();
  if (query.error)
    return (
      <p role="alert" className="error">
        {queryError(query, t('requestFailed'))}
      </p>
    );
  if (query.data === undefined) return <p>{t('loading')}</p>;
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
