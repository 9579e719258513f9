import { Button, Card, Form, Input, Space, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../components/i18n';
import { useOnboarding } from '../../components/use-onboarding';
import { useSetting } from '../../components/use-setting';
import type { MessageKey } from '../../lib/i18n';
import { ONBOARDING_STEPS, type OnboardingStep, skipStep, stepOfHash, welcomeHash } from '../../lib/onboarding/steps';
import { settings } from '../../lib/settings';
import { PledgeForm } from './PledgeForm';
import { HomeRegion } from './Settings';

function ProfileStep({ onNext }: { onNext: () => void }) {
  const { t } = useI18n();
  const profile = useSetting('profile');
  if (!profile) return null;
  return (
    <Form
      layout="vertical"
      initialValues={profile}
      style={{ maxWidth: 420 }}
      onFinish={(v: { name: string; unit: string; department?: string }) =>
        void settings.profile
          .setValue({ ...profile, name: v.name.trim(), unit: v.unit.trim(), department: (v.department ?? '').trim() })
          .then(onNext)
      }
    >
      <Form.Item label={t('settings.profile.name')} name="name">
        <Input data-testid="welcome-name" maxLength={40} />
      </Form.Item>
      <Form.Item label={t('settings.profile.unit')} name="unit">
        <Input data-testid="welcome-unit" maxLength={80} />
      </Form.Item>
      <Form.Item label={t('settings.profile.department')} name="department">
        <Input data-testid="welcome-department" maxLength={80} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="welcome-profile-save">
        {t('welcome.saveNext')}
      </Button>
    </Form>
  );
}

/**
 * First run (opened on install): name and unit, home county, a pledge, the
 * unit's official list. Each step can be skipped and taken up again from the
 * overview, which lists what is unfinished.
 */
export function Welcome() {
  const { t } = useI18n();
  const statuses = useOnboarding();
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (!statuses) return null;
  const step = stepOfHash(hash, statuses);
  const index = ONBOARDING_STEPS.indexOf(step);
  const go = (next: OnboardingStep | undefined) => {
    location.hash = next ? welcomeHash(next) : '#/overview';
  };
  const next = () => go(ONBOARDING_STEPS[index + 1]);
  const skip = () => void skipStep(step).then(next);
  const skipButton = (
    <Button onClick={skip} data-testid="welcome-skip">
      {t('welcome.skip')}
    </Button>
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="welcome" data-step={step}>
      <Typography.Paragraph>{t('welcome.intro')}</Typography.Paragraph>
      <Steps
        current={index}
        onChange={(i) => go(ONBOARDING_STEPS[i])}
        items={ONBOARDING_STEPS.map((s) => ({
          title: t(`welcome.step.${s}` as MessageKey),
          status: s === step ? 'process' : statuses[s] === 'done' ? 'finish' : 'wait',
          description: statuses[s] === 'skipped' ? t('welcome.skipped') : undefined,
        }))}
      />
      <Card title={t(`welcome.step.${step}` as MessageKey)} extra={step !== 'pledge' && skipButton}>
        <Typography.Paragraph className="muted">{t(`welcome.step.${step}.hint` as MessageKey)}</Typography.Paragraph>
        {step === 'profile' && <ProfileStep onNext={next} />}
        {step === 'home' && (
          <Form layout="vertical">
            <HomeRegion />
            <Button type="primary" onClick={next} data-testid="welcome-home-next">
              {t('welcome.next')}
            </Button>
          </Form>
        )}
        {step === 'pledge' && <PledgeForm onDone={next} onCancel={skip} cancelLabel={t('welcome.skip')} />}
        {step === 'catalogue' && (
          <Space wrap>
            <Button type="primary" href="#/catalogue" data-testid="welcome-catalogue">
              {t('welcome.catalogue.open')}
            </Button>
            <Button onClick={() => go(undefined)}>{t('welcome.finish')}</Button>
          </Space>
        )}
      </Card>
    </Space>
  );
}
