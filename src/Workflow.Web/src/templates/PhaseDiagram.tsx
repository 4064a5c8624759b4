import { useApp } from '../shared/context';
import { layoutPhases } from './phaseDiagram';
import { formName, type TemplateForm } from './templateModel';

/** The template's phases in order with their exit gates, drawn as SVG. */
export function PhaseDiagram({ form }: { form: TemplateForm }) {
  const { language, t } = useApp();
  const layout = layoutPhases(
    form.phases.map((p) => ({
      label: formName(language, p.nameEn, p.nameZh, p.id),
      workflow: p.workflowId ? `${p.workflowId} v${p.workflowVersion ?? '?'}` : '',
      gates: p.gates.map((g) => formName(language, g.nameEn, g.nameZh, g.id)),
    })),
  );
  return (
    <figure className="templates-diagram">
      <svg
        role="img"
        aria-label={t('templatesDiagramLabel', { count: form.phases.length })}
        data-testid="phase-diagram"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
      >
        <defs>
          <marker id="templates-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        {layout.arrows.map((a, i) => (
          <line key={i} x1={a.x1} y1={a.y} x2={a.x2 - 2} y2={a.y} stroke="currentColor" markerEnd="url(#templates-arrow)" />
        ))}
        {layout.boxes.map((b, i) => (
          <g key={i} className="templates-diagram-phase" data-testid="diagram-phase">
            <rect x={b.x} y={b.y} width={b.width} height={b.height} rx={6} />
            <text x={b.x + 10} y={b.y + 22} className="templates-diagram-title">
              {`${i + 1}. ${b.label}`}
            </text>
            <text x={b.x + 10} y={b.y + 42} className="templates-diagram-workflow">
              {b.workflow}
            </text>
            {b.gates.map((g, j) => (
              <text key={j} x={b.x + 4} y={b.gateY[j]} className="templates-diagram-gate" data-testid="diagram-gate">
                {`◆ ${g}`}
              </text>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
