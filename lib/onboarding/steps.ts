import { storage } from 'wxt/utils/storage';
import { z } from '../zod';

/** The first-run steps (the welcome page), in order. */
export const ONBOARDING_STEPS = ['profile', 'home', 'pledge', 'catalogue'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type StepStatus = 'done' | 'skipped' | 'open';

/** What the stored data says of each step. */
export interface OnboardingFacts {
  profile: { name: string; unit: string };
  home: { countyCode?: string; cityCode?: string };
  pledgeCount: number;
  /** Catalogue sources that are not the bundled sample. */
  officialSources: number;
}

/** A step is done when its data is there, whatever was skipped before; skipped when the user said so. */
export function stepStatuses(facts: OnboardingFacts, skipped: readonly string[]): Record<OnboardingStep, StepStatus> {
  const done: Record<OnboardingStep, boolean> = {
    profile: Boolean(facts.profile.name.trim() && facts.profile.unit.trim()),
    home: Boolean(facts.home.countyCode || facts.home.cityCode),
    pledge: facts.pledgeCount > 0,
    catalogue: facts.officialSources > 0,
  };
  return Object.fromEntries(
    ONBOARDING_STEPS.map((s) => [s, done[s] ? 'done' : skipped.includes(s) ? 'skipped' : 'open']),
  ) as Record<OnboardingStep, StepStatus>;
}

/** The steps still to do (open or skipped), for the overview to link to. */
export const unfinishedSteps = (statuses: Record<OnboardingStep, StepStatus>): OnboardingStep[] =>
  ONBOARDING_STEPS.filter((s) => statuses[s] !== 'done');

/** `#/welcome?step=pledge` → 'pledge'; else the first unfinished step (the first step when all are done). */
export function stepOfHash(hash: string, statuses: Record<OnboardingStep, StepStatus>): OnboardingStep {
  const asked = new URLSearchParams(hash.split('?')[1] ?? '').get('step');
  const named = ONBOARDING_STEPS.find((s) => s === asked);
  return named ?? ONBOARDING_STEPS.find((s) => statuses[s] === 'open') ?? 'profile';
}

export const welcomeHash = (step?: OnboardingStep) => `#/welcome${step ? `?step=${step}` : ''}`;

const SkippedSchema = z.array(z.enum(ONBOARDING_STEPS)).catch([]);

/** The steps the user skipped (storage.local, parsed on read: a wrong value reads as none skipped). */
export const skippedSteps = storage.defineItem<string[]>('local:onboardingSkipped', { fallback: [], version: 1 });

export async function readSkipped(): Promise<OnboardingStep[]> {
  return SkippedSchema.parse(await skippedSteps.getValue());
}

export async function skipStep(step: OnboardingStep): Promise<void> {
  const before = await readSkipped();
  if (!before.includes(step)) await skippedSteps.setValue([...before, step]);
}
