/**
 * Firefox end-to-end harness, the twin of tests/e2e/harness.ts: Firefox (over
 * WebDriver BiDi) with the built MV2 add-on, shop pages served from the same
 * fixtures at their real addresses (every other web request aborted), the
 * extension's pages one call away, and every error the extension writes to
 * Firefox's console collected.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchFirefoxWithExtension } from '../../scripts/firefox';
import { FIXTURES, fixtureResponse, type ServedPage, servedAt } from '../e2e/cases';
import { extensionErrorLines } from './console';

export class FirefoxHarness {
  readonly errors: string[] = [];
  private served: ServedPage[] = [];
  private pending = { stdout: '', stderr: '' };

  private constructor(
    readonly browser: Browser,
    readonly origin: string,
    readonly downloadDir: string,
    private readonly uploadDir: string,
  ) {}

  static async start(options: { headless?: boolean } = {}): Promise<FirefoxHarness> {
    const downloadDir = mkdtempSync(join(tmpdir(), 'relief-ff-downloads-'));
    const uploadDir = mkdtempSync(join(tmpdir(), 'relief-ff-uploads-'));
    const { browser, origin, process } = await launchFirefoxWithExtension({
      headless: options.headless ?? true,
      downloadDir,
    });
    const harness = new FirefoxHarness(browser, origin, downloadDir, uploadDir);
    for (const stream of ['stdout', 'stderr'] as const) {
      process[stream]?.setEncoding('utf8');
      process[stream]?.on('data', (chunk: string) => harness.read(stream, chunk));
    }
    return harness;
  }

  private read(stream: 'stdout' | 'stderr', chunk: string): void {
    const text = this.pending[stream] + chunk;
    const end = text.lastIndexOf('\n');
    this.pending[stream] = text.slice(end + 1);
    this.errors.push(...extensionErrorLines(text.slice(0, end + 1)));
  }

  serve(page: ServedPage): void {
    this.served.push(page);
  }

  extensionUrl(path: string): string {
    return `${this.origin}/${path}`;
  }

  /**
   * Opens an extension page in a new tab. Firefox never settles a goto to
   * moz-extension:// over BiDi, and page.url() stays about:blank there: the
   * page is waited for by its own location and readiness.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    const url = this.extensionUrl(path);
    void page.goto(url).catch(() => undefined);
    await loaded(page, (href) => href === url);
    return page;
  }

  /** A new tab whose web requests are served from the fixtures, and only from them. */
  async newShopTab(): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      // A request the page dropped before it was answered (a closed tab, a cancelled iframe) is gone:
      // Firefox says "no such request", which is not the test's failure.
      const gone = () => undefined;
      if (!/^https?:/.test(request.url())) return void request.continue().catch(gone);
      const served = servedAt(this.served, request.url());
      if (!served) return void request.abort('blockedbyclient').catch(gone);
      return void request.respond(fixtureResponse(served)).catch(gone);
    });
    return page;
  }

  /** Serves `file` at `url` and opens it. */
  async openShopPage(url: string, file: string, charset?: string): Promise<Page> {
    this.serve({ url, file, charset });
    const page = await this.newShopTab();
    // Not `load`: under BiDi interception Firefox never finishes loading an aborted iframe (the real
    // Taobao item page has login iframes). The content script runs at document_end, and every test
    // waits for its own signal (the listings read) after this.
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    return page;
  }

  /** Runs `action`, which opens a tab, and returns that tab once it has loaded `path`. */
  async tabOpenedBy(action: () => Promise<unknown>, path: string): Promise<Page> {
    const url = this.extensionUrl(path);
    const opened = this.browser.waitForTarget(async (t) => t.type() === 'page' && (await t.page()) !== null, {
      timeout: 30_000,
    });
    const before = new Set(await this.browser.pages());
    await action();
    await opened;
    for (let i = 0; i < 100; i++) {
      const page = (await this.browser.pages()).find((p) => !before.has(p));
      if (page) {
        await loaded(page, (href) => href.startsWith(url));
        return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no new tab opened for ${path}`);
  }

  /** Chooses a file for an `<input type=file>`: a fixture's path, or bytes saved under `name`. */
  async chooseFile(page: Page, selector: string, file: string | { name: string; buffer: Buffer }): Promise<void> {
    const input = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
    let path: string;
    if (typeof file === 'string') path = existsSync(file) ? file : join(FIXTURES, file);
    else {
      path = join(this.uploadDir, file.name);
      writeFileSync(path, file.buffer);
    }
    await input.uploadFile(path);
  }

  /**
   * Waits for a finished download whose name matches, and returns its path.
   * Firefox first writes an empty placeholder beside a .part file, then moves
   * the .part over it: finished is non-empty, no .part, and the same size twice.
   */
  async download(name: RegExp, timeout = 30_000): Promise<string> {
    const end = Date.now() + timeout;
    let last = -1;
    while (Date.now() < end) {
      const files = readdirSync(this.downloadDir);
      const found = files.find((f) => name.test(f));
      const size = found && !files.some((f) => f.endsWith('.part')) ? statSync(join(this.downloadDir, found)).size : -1;
      if (found && size > 0 && size === last) return join(this.downloadDir, found);
      last = size;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no download matching ${name} in ${this.downloadDir}: ${readdirSync(this.downloadDir).join(', ')}`);
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.downloadDir, { recursive: true, force: true });
    rmSync(this.uploadDir, { recursive: true, force: true });
  }
}

/**
 * Waits until the tab shows a document at an address `at` accepts, fully loaded.
 * Polled by hand: while a tab moves from about:blank to moz-extension://,
 * Firefox's BiDi can fail an evaluation outright (not as a lost context,
 * which puppeteer's waitForFunction would retry).
 */
async function loaded(page: Page, at: (href: string) => boolean, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  let seen = '';
  while (Date.now() < end) {
    const state = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => undefined);
    if (state) seen = `${state[0]} (${state[1]})`;
    if (state && at(state[0]) && state[1] === 'complete') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the tab did not load in ${timeout} ms; last seen ${seen || 'nothing'}`);
}

/** Waits for an element matching `selector` whose text matches `text`, and returns it. */
export async function waitForText(
  page: Page,
  selector: string,
  text: string | RegExp,
  timeout = 30_000,
  visible = false,
): Promise<ElementHandle<Element>> {
  const source = typeof text === 'string' ? { plain: text } : { pattern: text.source, flags: text.flags };
  const handle = await page.waitForFunction(
    (sel: string, t: { plain?: string; pattern?: string; flags?: string }, seen: boolean) =>
      [...document.querySelectorAll(sel)].find((el) => {
        const content = el.textContent ?? '';
        const matches =
          t.plain !== undefined ? content.includes(t.plain) : new RegExp(t.pattern ?? '', t.flags).test(content);
        return matches && (!seen || el.checkVisibility({ opacityProperty: true, visibilityProperty: true }));
      }),
    { timeout },
    selector,
    source,
    visible,
  );
  return handle as ElementHandle<Element>;
}

/**
 * Clicks, as a person would (a real pointer at the element), the element matching `selector` with text `text`,
 * once one is on screen (a confirm still fading in, or one left hidden by an earlier dialog, cannot be clicked).
 */
export async function clickText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  await (await waitForText(page, selector, text, 30_000, true)).click();
}

/**
 * Runs `attempt` until it succeeds, at most `tries` times, and fails with the last error. For a person's action
 * whose every step waits for a positive signal, but whose first click can miss: puppeteer clicks where an element
 * was, without waiting for it to hold still, and a list drawn again while the page settles moves it.
 */
export async function untilItWorks(attempt: () => Promise<void>, tries = 4): Promise<void> {
  let last: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      return await attempt();
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`failed ${tries} times; last: ${String(last)}`);
}

/** The value of an attribute once an element matching `selector` exists. */
export async function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  const el = await page.waitForSelector(selector, { timeout: 30_000 });
  return el ? el.evaluate((e, n) => e.getAttribute(n), name) : null;
}
