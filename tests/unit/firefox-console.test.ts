import { describe, expect, it } from 'vitest';
import { extensionErrorLines } from '../e2e-firefox/console';

// Lines as Firefox ESR 153 printed them with devtools.console.stdout.content on.
const OUTPUT = [
  'console.log: "probe-log"',
  'console.error: "plain"',
  'console.error: (new TypeError("y-err", "moz-extension://5b2e7c1a/popup.html", 1)) "more"',
  'console.error: RSLoader: ',
  'JavaScript error: moz-extension://5b2e7c1a/dashboard.html#/catalogue, line 1: Error: probe-uncaught',
  'JavaScript warning: moz-extension://5b2e7c1a/background.js, line 85: Script terminated by timeout at:',
  'JavaScript error: resource://gre/modules/PrivateBrowsingUtils.sys.mjs, line 50: TypeError: aWindow.docShell is null',
  '',
].join('\n');

describe('the Firefox e2e console filter', () => {
  it('keeps the extension’s console errors and uncaught errors, not Firefox’s own or warnings', () => {
    expect(extensionErrorLines(OUTPUT)).toEqual([
      'console.error: "plain"',
      'console.error: (new TypeError("y-err", "moz-extension://5b2e7c1a/popup.html", 1)) "more"',
      'JavaScript error: moz-extension://5b2e7c1a/dashboard.html#/catalogue, line 1: Error: probe-uncaught',
    ]);
  });
});
