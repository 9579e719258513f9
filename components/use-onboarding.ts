import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb } from '../lib/db/instance';
import { type OnboardingStep, readSkipped, type StepStatus, skippedSteps, stepStatuses } from '../lib/onboarding/steps';
import { useSetting } from './use-setting';

/** Each first-run step's status, kept current (undefined until read). */
export function useOnboarding(): Record<OnboardingStep, StepStatus> | undefined {
  const profile = useSetting('profile');
  const home = useSetting('homeRegion');
  const [skipped, setSkipped] = useState<OnboardingStep[]>();
  useEffect(() => {
    void readSkipped().then(setSkipped);
    return skippedSteps.watch(() => void readSkipped().then(setSkipped));
  }, []);
  const counts = useLiveQuery(async () => {
    const db = getDb();
    const [pledgeCount, officialSources] = await Promise.all([
      db.pledges.count(),
      db.catalogueSources.filter((s) => !s.sample).count(),
    ]);
    return { pledgeCount, officialSources };
  }, []);
  if (!profile || !home || !skipped || !counts) return undefined;
  return stepStatuses({ profile, home, ...counts }, skipped);
}
