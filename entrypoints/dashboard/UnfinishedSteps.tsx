import { Alert, Space } from 'antd';
import { useI18n } from '../../components/i18n';
import { useOnboarding } from '../../components/use-onboarding';
import type { MessageKey } from '../../lib/i18n';
import { unfinishedSteps, welcomeHash } from '../../lib/onboarding/steps';

/** The first-run steps still to do (skipped or never reached), each a link back to its step. */
export function UnfinishedSteps() {
  const { t } = useI18n();
  const statuses = useOnboarding();
  const steps = statuses ? unfinishedSteps(statuses) : [];
  if (!steps.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="overview-unfinished"
      title={
        <Space wrap>
          {t('welcome.unfinished')}
          {steps.map((s) => (
            <a key={s} href={welcomeHash(s)} data-step={s}>
              {t(`welcome.step.${s}` as MessageKey)}
            </a>
          ))}
        </Space>
      }
    />
  );
}
