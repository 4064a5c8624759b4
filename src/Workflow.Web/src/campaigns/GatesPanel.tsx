import type { MessageKey, Translate } from '../shared/i18n';
import { countsFromTasks } from './gateMetrics';
import { GateMetricBars } from './GateMetricBars';
import { describeCondition, describeObserved, explain, taskName, type Names, type Progress } from './whyNotYet';

const gateStateKeys: Record<string, MessageKey> = {
  met: 'campaignPageGateMet',
  unmet: 'campaignPageGateUnmet',
  pending: 'campaignPageGatePending',
  error: 'campaignPageGateError',
};

/** "Why can't we move to … yet?" in plain sentences, or that the way is clear. */
export function WhyNotYet({ progress, names, t }: { progress: Progress; names: Names; t: Translate }) {
  const why = explain(progress, names, t);
  return (
    <section
      aria-labelledby="campaign-why-heading"
      className={`campaign-why ${why.permitted ? 'campaign-why--ready' : ''}`}
      data-testid="campaign-why"
    >
      <h3 id="campaign-why-heading">{why.heading}</h3>
      <ul>
        {why.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}

/** Every exit gate of the current phase: its state, what it waits for, the values it saw (drawn against their thresholds), its rule. */
export function GatesPanel({ progress, names, t }: { progress: Progress; names: Names; t: Translate }) {
  if (progress.gates.length === 0) return <p>{t('campaignPageNoGates')}</p>;
  const sep = t('campaignPageListSeparator');
  const countsOf = countsFromTasks(progress.tasks, names.resultSchemas);
  return (
    <table className="campaign-gates cards-on-phone">
      <thead>
        <tr>
          <th scope="col">{t('campaignPageGate')}</th>
          <th scope="col">{t('campaignPageState')}</th>
          <th scope="col">{t('campaignPageGateObserved')}</th>
          <th scope="col">{t('campaignPageGateCondition')}</th>
        </tr>
      </thead>
      <tbody>
        {progress.gates.map((gate) => (
          <tr key={gate.id} data-testid={`gate-${gate.id}`} className={`campaign-gate--${gate.state}`}>
            <th scope="row">
              {gate.displayName}
              {/* The template describes gates in English only; a Chinese page shows the localized name alone. */}
              {names.language === 'en' && gate.description && <div className="campaign-gate-description">{gate.description}</div>}
            </th>
            <td data-label={t('campaignPageState')}>
              <span className={`campaign-badge campaign-badge--${gate.state}`}>
                {t(gateStateKeys[gate.state] ?? 'campaignPageGateError')}
              </span>
              {gate.waitingFor.length > 0 && (
                <div className="campaign-gate-waiting">
                  {t('campaignPageGateWaiting', { tasks: gate.waitingFor.map((id) => taskName(id, names)).join(sep) })}
                </div>
              )}
            </td>
            <td data-label={t('campaignPageGateObserved')}>
              <dl className="campaign-observed">
                {Object.entries(gate.observed).map(([key, value]) => {
                  const o = describeObserved(key, value, names, t);
                  return (
                    <div key={key}>
                      <dt>{o.name}</dt>
                      <dd>{o.text}</dd>
                    </div>
                  );
                })}
              </dl>
              <GateMetricBars gate={gate} names={names} t={t} countsOf={countsOf} />
            </td>
            <td data-label={t('campaignPageGateCondition')}>
              <div data-testid={`gate-rule-${gate.id}`}>{describeCondition(gate.condition, names, t)}</div>
              <code className="campaign-gate-code">{gate.condition}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
