/**
 * Lines of Firefox's stdout/stderr that are the extension's errors:
 * console.error() calls (devtools.console.stdout.content; the shop pages'
 * own scripts are off, so these are ours) and uncaught errors in moz-extension:// code.
 * A page's console prints its arguments as source (`"text"`, `(new Error(…))`);
 * Firefox's own modules print an unquoted `Prefix: ` (e.g. `RSLoader: `, its
 * experiments loader failing offline): those are not the extension's.
 */
export function extensionErrorLines(text: string): string[] {
  return text
    .split('\n')
    .filter(
      (line) =>
        (/^console\.error: /.test(line) && !/^console\.error: [A-Za-z][\w.-]*: /.test(line)) ||
        /^JavaScript error: moz-extension:\/\//.test(line),
    );
}
