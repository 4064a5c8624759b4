import { expect, test } from 'vitest';
// The server's sources of ledger entry kinds, read as text: a kind added there and not here fails this test.
import campaignKinds from '../../../Workflow.Storage/History/EntryDescription.cs?raw';
import definitionKinds from '../../../Workflow.Api/Definitions/DefinitionLedger.cs?raw';
import { ledgerKinds } from './ledgerFilter';

test('the kind suggestions are every kind the server writes', () => {
  const written = [
    ...[...campaignKinds.matchAll(/new\("([a-z]+\.[A-Za-z_]+)"/g)].map((m) => m[1]),
    ...[...definitionKinds.matchAll(/const string \w+ = "(definition\.[A-Za-z]+)"/g)].map((m) => m[1]),
  ]
    // The fallbacks for event types a newer engine might add; never written by this one.
    .filter((kind) => kind !== 'campaign.event' && kind !== 'workflow.event');
  expect(written.length).toBeGreaterThan(20);
  expect([...ledgerKinds].sort()).toEqual([...new Set(written)].sort());
});
