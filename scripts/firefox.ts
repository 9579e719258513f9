/**
 * Finds (or, on a Debian machine where we are root, installs) a Firefox, and
 * launches it headless over WebDriver BiDi with the built MV2 extension
 * installed as a temporary add-on. The Firefox twin of scripts/browser.ts.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { aptInstall, canApt } from './browser';

// /usr/bin/firefox-esr on Debian is a wrapper script: the real binary comes first.
const CANDIDATES = [
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/** Returns a Firefox path, installing firefox-esr with apt when it can; otherwise says how to get one. */
export function ensureFirefox(): string {
  const found = findFirefox();
  if (found) return found;
  if (canApt()) {
    try {
      aptInstall(['firefox-esr']);
    } catch (error) {
      throw new Error(`Firefox is not installed and \`apt-get install firefox-esr\` failed: ${String(error)}`);
    }
    const installed = findFirefox();
    if (installed) return installed;
  }
  throw new Error(
    'No Firefox found, so the Firefox end-to-end tests cannot run. Install one and try again, e.g.\n' +
      '  Debian/Ubuntu: sudo apt-get install firefox-esr\n' +
      '  or set FIREFOX_PATH=/path/to/firefox',
  );
}

export const FIREFOX_DIR = resolve('.output/firefox-mv2');

/** The moz-extension:// host the tests give the add-on, so its pages have known addresses. */
export const FIREFOX_EXTENSION_UUID = '5b2e7c1a-3f4d-4e6b-9a8c-0d1e2f3a4b5c';

export interface LaunchedFirefox {
  browser: Browser;
  /** The add-on's id, as the built manifest names it. */
  addonId: string;
  /** moz-extension://<uuid> */
  origin: string;
  /** Firefox's own process: its stdout and stderr carry the console of the extension's pages. */
  process: ChildProcess;
}

export function geckoId(dir: string): string {
  const manifestPath = resolve(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built Firefox extension in ${dir}: run \`npm run build:firefox\` first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefoxWithExtension(
  options: { headless?: boolean; extensionDir?: string; downloadDir?: string } = {},
): Promise<LaunchedFirefox> {
  const dir = options.extensionDir ?? FIREFOX_DIR;
  const addonId = geckoId(dir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: options.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIREFOX_EXTENSION_UUID }),
      'intl.accept_languages': 'zh-CN',
      // The extension's console goes to Firefox's stdout: puppeteer's console events skip extension pages.
      'devtools.console.stdout.content': true,
      ...(options.downloadDir
        ? {
            'browser.download.dir': options.downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.start_downloads_in_tmp_dir': false,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.manager.showWhenStarting': false,
          }
        : {}),
    },
  });
  const process = browser.process();
  if (!process) throw new Error('Firefox started without a process of its own');
  try {
    const installed = await browser.installExtension(dir);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, not ${addonId}`);
  } catch (error) {
    await browser.close();
    throw new Error(`Firefox refused the extension in ${dir}: ${error instanceof Error ? error.message : error}`);
  }
  return { browser, addonId, origin: `moz-extension://${FIREFOX_EXTENSION_UUID}`, process };
}
