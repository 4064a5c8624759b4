import { expect, test } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import committed from './schema.d.ts?raw';

// src/shared/api/schema.d.ts must be what `npm run generate:api` makes of the committed openapi.json (which
// tests/Workflow.Api.Tests/Web/OpenApiCopyTests keeps equal to the document the API serves).
test('schema.d.ts is generated from the committed openapi.json', async () => {
  const document = new URL('../../../openapi.json', import.meta.url);
  const generated = astToString(await openapiTS(document));
  const body = (text: string) =>
    text
      .replace(/^\/\*\*[\s\S]*?\*\/\s*/, '')
      .replace(/\r\n/g, '\n')
      .trim();
  expect(body(committed) === body(generated), 'src/shared/api/schema.d.ts is out of date: run `npm run generate:api` and commit it').toBe(
    true,
  );
}, 30_000);
