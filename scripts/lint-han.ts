/**
 * `npm run lint` part two: Chinese text the user reads belongs in lib/i18n
 * (zh-CN beside en), never in a string literal of code. This fails on a Han
 * literal (string, template or JSX text; comments and regular expressions are
 * not literals) anywhere in lib/, entrypoints/ and components/, except:
 * - DATA: modules whose Chinese is data, not interface — words read on shop
 *   pages and in files, the vocabulary of the counting rules and the formats
 *   of files an office files in Chinese whatever the interface language;
 * - KNOWN: literals written before this check, file by file, at most the count
 *   given. The counts only go down: lower one when you move text to lib/i18n.
 *
 *   npx tsx scripts/lint-han.ts [--counts]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@babel/parser';

const ROOTS = ['lib', 'entrypoints', 'components'];
const HAN = /\p{Script=Han}/u;

/** Where Chinese is data. A folder ends with '/'. */
const DATA: Record<string, string> = {
  'lib/i18n/': 'the messages themselves',
  'lib/regions/': 'place names of the division table',
  'lib/sites/': "words the site adapters read on the shops' pages",
  'lib/match/normalize.ts': 'the vocabulary of shop and supplier names (legal forms, shop words, industry words)',
  'lib/match/product.ts': 'the vocabulary of listing titles (quantities, sets, accessories, derived products)',
  'lib/match/reasons.ts': 'the match reasons, zh-CN beside en (a message table)',
  'lib/catalogue/columns.ts': 'the column headers of official lists, as offices write them',
  'lib/ledger/member-columns.ts': 'the column headers of member files, as people write them',
  'lib/unsold/columns.ts': 'the column headers of unsold registers, as people write them, and their sheet name',
  'lib/catalogue/sample.ts': 'the sample catalogue',
  'lib/ledger/channel.ts': 'the channels of DESIGN §1, stored as written and the shop words that tell them',
  'lib/ledger/pledge-kinds.ts': 'the pledge kinds and provinces of DESIGN §1, stored as written',
  'lib/coordinator/unit-report.ts': 'the unit report an office files: its format is Chinese (DESIGN §7)',
  'lib/coordinator/unit-report-xlsx.ts': 'the unit report an office files: its format is Chinese (DESIGN §7)',
  'lib/coordinator/flat-csv.ts': 'the upward CSV: its column names are Chinese (DESIGN §7)',
};

/** Literals from before this check, per file (the most it may hold). */
const KNOWN: Record<string, number> = {
  'lib/ledger/pledge-form.ts': 7,
  'entrypoints/dashboard/Catalogue.tsx': 1,
  'entrypoints/dashboard/Unsold.tsx': 1,
  'lib/catalogue/rows.ts': 1,
  'lib/coordinator/merge.ts': 17,
  'lib/coordinator/read-member-file.ts': 3,
  'lib/db/entities.ts': 13,
  'lib/db/upgrades.ts': 5,
  'lib/ledger/member-export.ts': 22,
  'lib/ledger/overview.ts': 1,
  'lib/ledger/pledges.ts': 23,
  'lib/ledger/purchase-draft.ts': 13,
  'lib/orders/to-purchase.ts': 4,
  'lib/unsold/entry.ts': 9,
  'lib/unsold/file.ts': 1,
};

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

export interface HanLiteral {
  line: number;
  text: string;
}

/** Every Han literal of one module's source. */
export function hanLiterals(source: string, tsx: boolean): HanLiteral[] {
  const ast = parse(source, { sourceType: 'module', plugins: tsx ? ['typescript', 'jsx'] : ['typescript'] });
  const found: HanLiteral[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const n = node as { type?: string; value?: unknown; loc?: { start: { line: number } }; [k: string]: unknown };
    const text =
      n.type === 'StringLiteral' || n.type === 'JSXText'
        ? String(n.value)
        : n.type === 'TemplateElement'
          ? String((n.value as { raw: string }).raw)
          : undefined;
    if (text !== undefined && HAN.test(text)) found.push({ line: n.loc?.start.line ?? 0, text: text.trim() });
    for (const [key, child] of Object.entries(n)) {
      if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments' || key === 'innerComments') continue;
      if (child && typeof child === 'object') visit(child);
    }
  };
  visit(ast.program);
  return found;
}

const isData = (path: string) => Object.keys(DATA).some((d) => (d.endsWith('/') ? path.startsWith(d) : path === d));

function main(): void {
  const counts = process.argv.includes('--counts');
  const problems: string[] = [];
  const seen: Record<string, number> = {};
  for (const root of ROOTS)
    for (const path of files(root)) {
      if (isData(path)) continue;
      const found = hanLiterals(readFileSync(path, 'utf8'), path.endsWith('.tsx'));
      if (found.length === 0) continue;
      seen[path] = found.length;
      const allowed = KNOWN[path] ?? 0;
      if (found.length > allowed)
        problems.push(
          `${path}: ${found.length} Chinese literal(s), at most ${allowed} allowed — move the text to lib/i18n:\n` +
            found.map((f) => `  ${path}:${f.line}  ${JSON.stringify(f.text.slice(0, 60))}`).join('\n'),
        );
    }
  if (counts) {
    console.log(JSON.stringify(seen, null, 2));
    return;
  }
  for (const [path, allowed] of Object.entries(KNOWN))
    if ((seen[path] ?? 0) < allowed)
      problems.push(
        `${path}: now ${seen[path] ?? 0} Chinese literal(s) — lower its count in scripts/lint-han.ts KNOWN to match`,
      );
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  const left = Object.values(seen).reduce((a, b) => a + b, 0);
  console.log(
    `lint-han: no new Chinese literal; ${left} from before this check remain in ${Object.keys(seen).length} files (KNOWN)`,
  );
}

if (process.argv[1]?.endsWith('lint-han.ts')) main();
