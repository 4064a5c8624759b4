import { useApp } from '../shared/context';
import type { PhaseWorkflow } from './document';
import type { Selection } from './Editor';
import { localName } from '../shared/localName';
import { problemTitle } from '../shared/problemTitles';
import type { PlacedProblems, Problem } from './problems';

/** Every validation problem, each a button that selects what it names on the canvas. */
export function ProblemsPanel({
  document,
  placed,
  checking,
  error,
  onSelect,
}: {
  document: PhaseWorkflow;
  placed: PlacedProblems;
  checking: boolean;
  error?: string;
  onSelect: (selection: Selection) => void;
}) {
  const { language, t } = useApp();
  const label = (id: string) => {
    const a = document.root.activities.find((x) => x.id === id);
    return localName(a?.metadata?.displayNames, language, a?.name ?? id);
  };
  // `select` null clears the selection, which shows the workflow's properties (its inputs and
  // variables); undefined means there is nothing to show.
  const rows: { key: string; problem: Problem; where?: string; select: Selection | undefined }[] = [
    ...[...placed.byNode].flatMap(([node, list]) =>
      list.map((problem, i) => ({ key: `n:${node}:${i}`, problem, where: label(node), select: { node } })),
    ),
    ...[...placed.byEdge].flatMap(([edge, list]) =>
      list.map((problem, i) => ({ key: `e:${edge}:${i}`, problem, where: edge, select: { edge } })),
    ),
    ...[...placed.byDeclaration].flatMap(([at, list]) => {
      const [kind, index] = at.split('/');
      const where = t(kind === 'inputs' ? 'designerDeclInputRow' : 'designerDeclVariableRow', { n: Number(index) + 1 });
      return list.map((problem, i) => ({ key: `d:${at}:${i}`, problem, where, select: null }));
    }),
    ...placed.general.map((problem, i) => ({ key: `g:${i}`, problem, select: undefined })),
  ];
  return (
    <section className="designer-panel designer-problems" aria-labelledby="designer-problems-heading" aria-busy={checking}>
      <h3 id="designer-problems-heading">
        {t('designerProblemsHeading')} {rows.length > 0 && <span className="designer-badge">{rows.length}</span>}
        {checking && <span className="designer-hint"> {t('designerChecking')}</span>}
      </h3>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        !checking && <p className="designer-ok">{t('designerProblemsNone')}</p>
      ) : (
        <ul data-testid="designer-problems">
          {rows.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                className="designer-problem"
                onClick={() => r.select !== undefined && onSelect(r.select)}
                disabled={r.select === undefined}
              >
                <strong>{problemTitle(t, r.problem)}</strong>
                {r.where && <span className="designer-problem-where"> · {r.where}</span>}
                <span className="designer-problem-detail">{r.problem.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
