/**
 * Captures the data a shipped build of the extension saves, for the upgrade
 * tests (tests/unit/db.test.ts). It checks out `lib/` of the given commit into
 * node_modules/.cache, runs that version's own code there — the catalogue
 * import, the purchase form's save, the unsold register, the pledge schema —
 * against fake-indexeddb, and dumps every table with the schema it was stored
 * under. Nothing of the saved file is written by hand.
 *
 *   npx tsx scripts/saved-db/capture.ts <commit> tests/fixtures/db/v<N>.json
 *   npx tsx scripts/saved-db/capture.ts <commit> tests/fixtures/settings/v<N>.json --settings
 *
 * With `--settings` it runs that version's lib/settings.ts instead (through
 * WXT's storage on a fake browser) and dumps storage.local as it was left.
 *
 * `worktree` for the commit captures the lib/ being committed (the version a
 * schema change introduces, saved in the same commit as the change).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [commit, out, mode] = process.argv.slice(2);
const writer = mode === '--settings' ? 'write-settings.ts' : 'write.ts';
if (!commit || !out) {
  console.error('usage: tsx scripts/saved-db/capture.ts <commit> <out.json>');
  process.exit(2);
}
const root = process.cwd();
const dir = join(root, 'node_modules/.cache/saved-db', commit);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
// That version's lib, exactly as committed.
if (commit === 'worktree') execFileSync('cp', ['-r', join(root, 'lib'), dir], { stdio: 'inherit' });
else execFileSync('sh', ['-c', `git archive ${commit} lib | tar -x -C ${JSON.stringify(dir)}`], { stdio: 'inherit' });
copyFileSync(join(root, 'scripts/saved-db', writer), join(dir, writer));
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
execFileSync('npx', ['tsx', join(dir, writer), resolve(out)], { stdio: 'inherit', cwd: root });
console.log(`saved ${out} from ${commit}`);
