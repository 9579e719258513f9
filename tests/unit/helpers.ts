import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Tests run from the project root (npm scripts); happy-dom replaces URL, so no import.meta.url here.
export const FIXTURES = join(process.cwd(), 'tests/fixtures/');

export function readFixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

/** Parses a saved page into a detached document, as the content script would see it. */
export function loadPage(path: string): Document {
  return new DOMParser().parseFromString(readFixture(path), 'text/html');
}
