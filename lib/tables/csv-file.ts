import Papa from 'papaparse';

/** A grid as a CSV file Excel on Chinese Windows opens right: UTF-8 with a BOM, CRLF line ends. */
export function csvFileBytes(grid: readonly (readonly unknown[])[]): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`\uFEFF${Papa.unparse(grid as unknown[][], { newline: '\r\n' })}\r\n`);
}
