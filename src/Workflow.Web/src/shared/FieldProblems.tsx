import { useApp } from './context';
import { problemTitle } from './problemTitles';

/**
 * The server's validation problems with one field (or row, or the whole document), shown next to
 * it: a title in the page's language (the code on hover), then the engine's detail. The designer
 * and the template editor each style the list with their own class.
 */
export function FieldProblems({
  problems,
  className,
  testId = 'field-problems',
  id,
}: {
  problems: readonly { code: string; message: string }[] | undefined;
  className: string;
  testId?: string;
  id?: string;
}) {
  const { t } = useApp();
  if (!problems || problems.length === 0) return null;
  return (
    <ul className={className} id={id} data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} title={p.code}>
          <strong>{problemTitle(t, p)}</strong>: {p.message}
        </li>
      ))}
    </ul>
  );
}
