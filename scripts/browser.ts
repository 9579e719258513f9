/**
 * Finds (or, on a Debian machine where we are root, installs) a Chromium that
 * can load the unpacked extension, and launches it with the extension loaded.
 * Shared by `npm start`, the end-to-end tests and the bench.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

// /usr/bin/chromium on Debian is a wrapper script that adds its own
// --load-extension, so the real binary comes first.
const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

const CJK_FONT_DIRS = [
  '/usr/share/fonts/truetype/wqy',
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/truetype/noto',
];

export function findBrowser(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

export function canApt(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
}

/** Installs Debian packages (as root), printing what it does. */
export function aptInstall(packages: string[]): void {
  console.log(`Installing ${packages.join(' ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

/** Returns a browser path, installing Chromium and a Chinese font with apt when it can. */
export function ensureBrowser(): string {
  const found = findBrowser();
  const hasCjkFont = process.platform !== 'linux' || CJK_FONT_DIRS.some((d) => existsSync(d));
  if (found && hasCjkFont) return found;
  if (canApt()) {
    aptInstall([...(found ? [] : ['chromium']), ...(hasCjkFont ? [] : ['fonts-wqy-microhei'])]);
    const installed = findBrowser();
    if (installed) return installed;
  }
  if (found) return found; // No Chinese font and no way to install one: text may show as boxes.
  throw new Error(
    'No Chromium or Chrome found. Install one and try again, e.g.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium fonts-wqy-microhei\n' +
      '  or set CHROME_PATH=/path/to/chrome',
  );
}

export const CHROME_DIR = resolve('.output/chrome-mv3');

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
}

export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; args?: string[] } = {},
): Promise<LaunchedExtension> {
  const dir = options.extensionDir ?? CHROME_DIR;
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: ensureBrowser(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker };
}
