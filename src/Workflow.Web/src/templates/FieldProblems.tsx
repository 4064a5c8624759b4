import { useApp } from '../shared/context';
import { problemTitle } from '../shared/problemTitles';
import type { Problem } from './templateProblems';

/** The server's problems with one field, shown next to it: a title in the page's language, then the engine's detail. */
export function FieldProblems({ problems, id }: { problems: Problem[] | undefined; id?: string }) {
  const { t } = useApp();
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="templates-field-problems" id={id} data-testid="field-problems">
      {problems.map((p, i) => (
        <li key={i} title={p.code}>
          <strong>{problemTitle(t, p)}</strong>: {p.message}
        </li>
      ))}
    </ul>
  );
}
