import { entryDetails } from '../../lib/catalogue/entry-details';
import { installSampleCatalogue } from '../../lib/catalogue/sample';
import { countEntries } from '../../lib/catalogue/store';
import { ReliefDb } from '../../lib/db/schema';
import { resolveLanguage } from '../../lib/i18n/language';
import { shopTexts } from '../../lib/i18n/shop';
import { matchCheckHash, RecentListings } from '../../lib/match/check-link';
import { reasonTemplates } from '../../lib/match/reasons';
import { handleMessage, type MessageSender, TAB_OPENS } from '../../lib/messages';
import { orderReviewHash } from '../../lib/orders/review';
import { purchaseFormHash } from '../../lib/prefill';
import { tokenBuckets } from '../../lib/rate-limit';
import { settings } from '../../lib/settings';
import { createMatchService } from './match-service';

export default defineBackground(() => {
  const db = new ReliefDb();
  const matcher = createMatchService(db);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // The sample catalogue shows badges before anyone imports an official list.
    if (reason === 'install') {
      // First run: the welcome page (name, unit, home county, a pledge, the official list).
      void browser.tabs
        .create({ url: browser.runtime.getURL('/dashboard.html#/welcome') })
        .catch((e) => console.warn('welcome page:', e));
      void installSampleCatalogue(db)
        .then(() => matcher.ensureIndex())
        .catch((e) => console.warn('sample catalogue:', e));
    }
  });

  handleMessage('getStatus', async () => ({
    version: browser.runtime.getManifest().version,
    catalogueEntries: await countEntries(db),
    indexReady: matcher.isReady(),
  }));

  handleMessage('getBadgeContext', async () => {
    const [siteSwitches, language, countPovertyArea] = await Promise.all([
      settings.siteSwitches.getValue(),
      settings.language.getValue(),
      settings.countPovertyArea.getValue(),
    ]);
    const lang = resolveLanguage(language, navigator.languages ?? []);
    return { siteSwitches, texts: { ...shopTexts(lang), ...reasonTemplates(lang) }, countPovertyArea };
  });

  handleMessage('getEntryDetails', async ({ entryId }) => (await entryDetails(db, entryId)) ?? null);

  // 记一笔, 为什么？ and 查看并导入 open a tab; a shop tab gets a couple at once, then one every few seconds.
  const opens = tokenBuckets(TAB_OPENS);
  const mayOpen = (sender: MessageSender) => opens.take(sender.tab?.id ?? 'extension');

  handleMessage('openPurchaseForm', async ({ listing, result }, sender) => {
    if (!mayOpen(sender)) return { opened: false };
    await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${purchaseFormHash(listing, result)}`) });
    return { opened: true };
  });

  handleMessage('openOrderReview', async ({ orders }, sender) => {
    if (!mayOpen(sender)) return { opened: false };
    await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${orderReviewHash(orders)}`) });
    return { opened: true };
  });

  // The listings pages asked about lately, for 匹配检查 to pick from (kept while the worker lives).
  const recent = new RecentListings();

  handleMessage('matchListings', async ({ listings }) => {
    recent.add(listings);
    return { results: await matcher.match(listings, { showHints: await settings.showHints.getValue() }) };
  });

  handleMessage('explainListing', async ({ listing }) =>
    matcher.explain(listing, { showHints: await settings.showHints.getValue() }),
  );

  handleMessage('recentListings', async () => ({ listings: recent.list() }));

  handleMessage('openMatchCheck', async ({ listing }, sender) => {
    if (!mayOpen(sender)) return { opened: false };
    await browser.tabs.create({ url: browser.runtime.getURL(`/dashboard.html${matchCheckHash(listing)}`) });
    return { opened: true };
  });
});
