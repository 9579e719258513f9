import { useState } from 'react';
import { useI18n } from '../../components/i18n';
import { messenger } from '../../lib/messenger';
import { type Prefill, PrefillSchema } from '../../lib/prefill';
import { parseShareText, shortLinkIn } from '../../lib/sites/share-text';

/** 粘贴手机分享的商品: a share text or bare item link read into a listing, matched by the background. */
export function PasteBox({ onFound }: { onFound: (prefill: Prefill) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  async function read() {
    const listing = parseShareText(text);
    if (!listing) {
      // A short link is only resolved by the shop's servers: said so, and the form stays as it was.
      const short = shortLinkIn(text);
      setMessage(short ? t('popup.paste.shortLink', { link: short }) : t('popup.paste.failed'));
      return;
    }
    const answer = await messenger.sendMessage('matchListings', { listings: [listing] }).catch(() => null);
    const parsed = PrefillSchema.safeParse({ listing, result: answer?.results[0] ?? { score: 0, reasons: [] } });
    if (!parsed.success) {
      setMessage(t('popup.paste.failed'));
      return;
    }
    setMessage(t('popup.paste.found', { title: listing.title }));
    onFound(parsed.data);
  }
  return (
    <details className="popup-paste">
      <summary>{t('popup.paste')}</summary>
      <textarea
        aria-label={t('popup.paste')}
        data-testid="paste-share"
        rows={3}
        value={text}
        placeholder={t('popup.paste.placeholder')}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button type="button" data-testid="paste-read" onClick={() => void read()}>
          {t('popup.paste.read')}
        </button>{' '}
        {message && (
          <span role="status" data-testid="paste-message">
            {message}
          </span>
        )}
      </div>
    </details>
  );
}
