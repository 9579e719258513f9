import { Button, Card, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../components/i18n';
import { type MergeSession, MergeSessionSchema } from '../../lib/db/entities';
import { getDb } from '../../lib/db/instance';

/** Merges saved on this computer, newest first: open one to go on with it, or delete it. */
export function SessionList({ onOpen }: { onOpen: (session: MergeSession) => void }) {
  const { t } = useI18n();
  const sessions = useLiveQuery(() => getDb().mergeSessions.orderBy('savedAt').reverse().toArray(), [], []);
  if (!sessions.length) return null;
  return (
    <Card title={t('coordinator.sessions')} size="small" className="no-print" data-testid="merge-sessions">
      <Space orientation="vertical">
        {sessions.map((s) => (
          <Space key={s.id} data-testid="merge-session">
            <span>
              {s.title} · {s.savedAt.slice(0, 16).replace('T', ' ')}
            </span>
            <Button size="small" onClick={() => onOpen(MergeSessionSchema.parse(s))}>
              {t('coordinator.open')}
            </Button>
            <Button size="small" danger onClick={() => void getDb().mergeSessions.delete(s.id)}>
              {t('coordinator.delete')}
            </Button>
          </Space>
        ))}
      </Space>
    </Card>
  );
}
