import { SHOP_HOST_PATTERNS } from '../../lib/sites/hosts';
import { startScanner } from './scanner';

export default defineContentScript({
  matches: [...SHOP_HOST_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    startScanner(ctx);
  },
});
