import { SiteIdSchema } from './match/listing';
import { z } from './zod';

/** Every setting, with its default: what storage holds and what a backup carries. */
export const SettingsSchema = z.object({
  language: z.enum(['auto', 'zh-CN', 'en']).default('auto'),
  siteSwitches: z.partialRecord(SiteIdSchema, z.boolean()).default({}),
  showHints: z.boolean().default(true),
  profile: z
    .object({ name: z.string().default(''), unit: z.string().default(''), employeeNo: z.string().default('') })
    .default({ name: '', unit: '', employeeNo: '' }),
  homeRegion: z
    .object({ provinceCode: z.string().optional(), cityCode: z.string().optional(), countyCode: z.string().optional() })
    .default({}),
  /** Whether purchases of poverty-area (not certified) products count towards pledges. */
  countPovertyArea: z.boolean().default(false),
});
export type Settings = z.infer<typeof SettingsSchema>;
export type SettingName = keyof Settings;
export const SETTING_NAMES = Object.keys(SettingsSchema.shape) as SettingName[];
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
