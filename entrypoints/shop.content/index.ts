import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SHOP_HOST_PATTERNS } from '../../lib/sites/hosts';
import { startScanner } from './scanner';

/**
 * WXT stops an older copy of this script with a start-up event on the document,
 * and posts its name to the window, where the page reads it: the page could send
 * the same event and stop our scanner. Here the event is stopped at the window,
 * before WXT's listener on the document, whoever sent it; a newer copy of this
 * script stops the older one through this isolated world instead, which the page
 * never sees. (An extension reload or update is still seen: the old copy's
 * runtime is gone, and WXT's context reads that.)
 */
function shieldFromPage(ctx: ContentScriptContext): void {
  const started = `${browser.runtime.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;
  window.addEventListener(started, (event) => event.stopImmediatePropagation(), { capture: true, signal: ctx.signal });
  const world = globalThis as { reliefStopOlder?: () => void };
  world.reliefStopOlder?.();
  world.reliefStopOlder = () => ctx.abort('a newer copy of the content script started');
}

export default defineContentScript({
  matches: [...SHOP_HOST_PATTERNS],
  // As soon as the DOM is parsed: shop cards are in the HTML; later ones are observed.
  runAt: 'document_end',
  main(ctx) {
    shieldFromPage(ctx);
    startScanner(ctx);
  },
});
