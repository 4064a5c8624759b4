import type { MessageKey, Translate } from '../shared/i18n';
import type { Progress } from './whyNotYet';

const phaseStatusKeys: Record<string, MessageKey> = {
  done: 'campaignPagePhaseDone',
  current: 'campaignPagePhaseCurrent',
  upcoming: 'campaignPagePhaseUpcoming',
  suspended: 'campaignPagePhaseSuspended',
  cancelled: 'campaignPagePhaseCancelled',
};

const box = { width: 250, height: 64, gap: 46 };

/**
 * The template's phase machine as it applies to this campaign: the phases in order, each marked
 * completed, current or upcoming, the current one highlighted. Sending back is possible from any
 * phase to an earlier one, which the curved arrows under the row say.
 */
export function PhaseDiagram({ progress, t }: { progress: Progress; t: Translate }) {
  const phases = progress.phases;
  const width = phases.length * box.width + (phases.length - 1) * box.gap + 20;
  const current = phases.find((p) => p.status === 'current' || p.status === 'suspended');
  const label = t('campaignPagePhaseDiagram', {
    phases: phases
      .map((p) => `${p.displayName} (${t(phaseStatusKeys[p.status] ?? 'campaignPagePhaseUpcoming')})`)
      .join(t('campaignPageListSeparator')),
    current: current?.displayName ?? t('campaignPageNoCurrentPhase'),
  });
  return (
    <figure className="campaign-phases">
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${box.height + 44}`} width="100%" style={{ maxWidth: width }}>
        <defs>
          <marker
            id="campaign-phase-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="#666" />
          </marker>
        </defs>
        {phases.map((phase, i) => {
          const x = 10 + i * (box.width + box.gap);
          const status = t(phaseStatusKeys[phase.status] ?? 'campaignPagePhaseUpcoming');
          return (
            <g key={phase.id} className={`campaign-phase campaign-phase--${phase.status}`} data-testid={`phase-${phase.id}`}>
              <rect x={x} y={6} width={box.width} height={box.height} rx={10} />
              <text x={x + box.width / 2} y={32} textAnchor="middle" className="campaign-phase-name">
                {phase.displayName}
              </text>
              <text x={x + box.width / 2} y={52} textAnchor="middle" className="campaign-phase-status">
                {phase.rounds > 1 ? `${status} · ${t('campaignPagePhaseRounds', { count: phase.rounds })}` : status}
              </text>
              {i < phases.length - 1 && (
                <line
                  x1={x + box.width}
                  y1={6 + box.height / 2}
                  x2={x + box.width + box.gap - 2}
                  y2={6 + box.height / 2}
                  stroke="#666"
                  strokeWidth={2}
                  markerEnd="url(#campaign-phase-arrow)"
                />
              )}
              {i > 0 && (
                <path
                  d={`M${x + 30},${6 + box.height} C${x + 10},${box.height + 38} ${x - box.gap - 10},${box.height + 38} ${x - box.gap - 30},${6 + box.height}`}
                  fill="none"
                  stroke="#aaa"
                  strokeDasharray="4 3"
                  markerEnd="url(#campaign-phase-arrow)"
                />
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
