import { SHOP_HOST_PATTERNS } from '../../lib/sites/hosts';
import { startScanner } from './scanner';

export default defineContentScript({
  matches: [...SHOP_HOST_PATTERNS],
  // As soon as the DOM is parsed: shop cards are in the HTML; later ones are observed.
  runAt: 'document_end',
  main(ctx) {
    startScanner(ctx);
  },
});
