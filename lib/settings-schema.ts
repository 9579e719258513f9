import { DEFAULT_PLEDGE_RULES } from './ledger/pledge-kinds';
import { SiteIdSchema } from './match/listing';
import { z } from './zod';

const text = (max: number) => z.string().max(max);
const code = z.string().regex(/^\d{2,12}$/);

/**
 * Every setting: its shape and its default, the one source of the `Settings`
 * type. A backup is checked against it strictly (a wrong value is refused);
 * storage is read through `readSetting`, which puts the default in place of a
 * value of the wrong shape, so no page ever sees one.
 */
export const SettingsSchema = z.object({
  language: z.enum(['auto', 'zh-CN', 'en']).default('auto'),
  siteSwitches: z.partialRecord(SiteIdSchema, z.boolean()).default({}),
  showHints: z.boolean().default(true),
  profile: z
    .object({
      name: text(50).default(''),
      unit: text(100).default(''),
      // The person's 部门 within the unit: the unit report's per-person table shows it.
      department: text(100).default(''),
      employeeNo: text(50).default(''),
    })
    .default({ name: '', unit: '', department: '', employeeNo: '' }),
  homeRegion: z
    .object({ provinceCode: code.optional(), cityCode: code.optional(), countyCode: code.optional() })
    .default({}),
  /** Whether purchases of poverty-area (not certified) products count towards pledges. */
  countPovertyArea: z.boolean().default(false),
  /** The province's shares and caps the pledge kinds start from (lib/ledger/pledge-kinds), editable. */
  pledgeRules: z
    .object({
      province: text(20).min(1),
      reserveShare: z.number().min(0).max(1),
      unionShare: z.number().min(0).max(1),
      unionCapFen: z.number().int().positive().optional(),
    })
    .default(DEFAULT_PLEDGE_RULES),
});

export type Settings = z.output<typeof SettingsSchema>;
export type SettingName = keyof Settings;
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as SettingName[];
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * The version each setting is stored at, and how a value stored at an earlier
 * version becomes the current shape. Raising a version means adding its step
 * here, with a saved value of the old shape in tests/unit/settings.test.ts.
 */
export const SETTING_VERSION = 1;
export const SETTING_MIGRATIONS: Partial<Record<SettingName, Record<number, (old: unknown) => unknown>>> = {};

/** A stored value as the current shape: missing parts take their defaults, a wrong value the whole default. */
export function readSetting<K extends SettingName>(name: K, stored: unknown): Settings[K] {
  const parsed = SettingsSchema.shape[name].safeParse(stored ?? undefined);
  return (parsed.success ? parsed.data : DEFAULT_SETTINGS[name]) as Settings[K];
}
