// Code passed to page.evaluate() runs inside extension pages, where Chromium's
// `chrome` global exists. Only what the tests call is declared.
declare const chrome: {
  runtime: {
    id: string;
    getManifest(): {
      manifest_version: number;
      default_locale?: string;
      permissions?: string[];
      host_permissions?: string[];
      [key: string]: unknown;
    };
    // biome-ignore lint/suspicious/noExplicitAny: a raw message goes to the extension's own protocol
    sendMessage(message: unknown): Promise<any>;
  };
  i18n: { getMessage(name: string): string };
};
