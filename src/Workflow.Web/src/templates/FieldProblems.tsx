import type { Problem } from './templateProblems';

/** The server's problems with one field, shown next to it. */
export function FieldProblems({ problems, id }: { problems: Problem[] | undefined; id?: string }) {
  if (!problems || problems.length === 0) return null;
  return (
    <ul className="templates-field-problems" id={id} data-testid="field-problems">
      {problems.map((p, i) => (
        <li key={i} title={p.code}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
