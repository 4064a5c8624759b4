import { problemMessage, requestHeaders, ApiError } from '../shared/api';
import type { Language } from '../shared/i18n';
import { loadCredential } from '../shared/session';
import { csvRecords, dispositionFileName } from './csv';

/**
 * Downloads the CSV export of a ledger query and saves it under the name the server gives. A plain
 * link cannot send the credential header, so the file is fetched with the client's headers (Accept:
 * text/csv) and saved from a Blob. Returns the file name and how many entries it holds (read back
 * from the file, so the page can say what was saved); a refusal throws the server's message.
 */
export async function downloadLedgerCsv(query: string, language: Language, fallback: string): Promise<{ name: string; entries: number }> {
  const headers = { ...requestHeaders(loadCredential(sessionStorage), language), Accept: 'text/csv' };
  const response = await fetch(`/api/v1/audit/entries${query ? `?${query}` : ''}`, { headers });
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(problemMessage(body, response.status, fallback), response.status);
  }
  const blob = await response.blob();
  const name = dispositionFileName(response.headers.get('Content-Disposition'), 'ledger.csv');
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL is released after the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { name, entries: csvRecords(await blob.text()).length };
}
