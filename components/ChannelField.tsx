import { useId } from 'react';
import { CHANNELS, type Channel } from '../lib/ledger/channel';
import { useI18n } from './i18n';

/** The purchase's channel (渠道): derived from the platform and shop, the user may pick another. */
export function ChannelField({ value, onChange }: { value: Channel; onChange: (channel: Channel) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="pf-field">
      <label htmlFor={id}>{t('purchases.field.channel')}</label>
      <select id={id} value={value} data-field="channel" onChange={(e) => onChange(e.target.value as Channel)}>
        {CHANNELS.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
    </div>
  );
}
