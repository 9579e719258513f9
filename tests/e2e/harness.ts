/**
 * End-to-end harness: Chromium with the built extension, shop pages served
 * from fixtures at their real addresses (every other request aborted), the
 * extension's pages one call away, and every console error collected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../../scripts/browser';
import { fixtureResponse, type ServedPage, servedAt } from './cases';

export { disableScripts, FIXTURES, type ServedPage } from './cases';

let axeSource: string | undefined;
interface AxeResults {
  violations: { id: string; impact?: string; nodes: { target: string[] }[] }[];
}

export class Harness {
  readonly errors: string[] = [];
  private served: ServedPage[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
  ) {}

  static async start(options: { headless?: boolean } = {}): Promise<Harness> {
    const { context, extensionId } = await launchWithExtension({ headless: options.headless ?? true });
    const harness = new Harness(context, extensionId);
    await harness.install();
    return harness;
  }

  private async install(): Promise<void> {
    this.context.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location().url ?? '';
      const page = msg.page()?.url() ?? '';
      if (where.startsWith('chrome-extension://') || page.startsWith('chrome-extension://')) {
        this.errors.push(`${where || page}: ${msg.text()}`);
      }
    });
    this.context.on('weberror', (error) => this.errors.push(`uncaught: ${error.error().message}`));
    // Only the web is routed: the extension's own chrome-extension:// files load as usual.
    await this.context.route(/^https?:/, async (route) => {
      const page = servedAt(this.served, route.request().url());
      if (!page) return route.abort('blockedbyclient');
      return route.fulfill(fixtureResponse(page));
    });
  }

  serve(page: ServedPage): void {
    this.served.push(page);
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl(path));
    return page;
  }

  /** Serves `file` at `url` and opens it. */
  async openShopPage(url: string, file: string, charset?: string, css?: string): Promise<Page> {
    this.serve({ url, file, charset, css });
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Stops the MV3 service worker, as Chrome does after 30 s idle. */
  async stopServiceWorker(): Promise<void> {
    const page = this.context.pages()[0] ?? (await this.context.newPage());
    const cdp = await this.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
  }

  /**
   * axe-core's serious and critical violations on a page (WCAG 2 A and AA),
   * as "rule: target" lines. axe is evaluated through the debugger protocol,
   * which extension pages' CSP does not block.
   */
  async accessibilityViolations(page: Page, include?: string): Promise<string[]> {
    axeSource ??= readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    return page.evaluate(async (only) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe;
      // `include`: only our own elements (and their shadow trees) on a shop's page, whose own styles are not ours.
      const results = await axe.run(only ? { include: [only] } : document, {
        runOnly: ['wcag2a', 'wcag2aa'],
        resultTypes: ['violations'],
      });
      return results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    }, include);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
