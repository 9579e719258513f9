import { SiteIdSchema } from './match/listing';
import { DEFAULT_SETTINGS, type Settings } from './settings-defaults';
import { z } from './zod';

export { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName, type Settings } from './settings-defaults';

/** Settings as a backup carries them, validated; missing ones take their defaults. */
export const SettingsSchema = z.object({
  language: z.enum(['auto', 'zh-CN', 'en']).default(DEFAULT_SETTINGS.language),
  siteSwitches: z.partialRecord(SiteIdSchema, z.boolean()).default({}),
  showHints: z.boolean().default(DEFAULT_SETTINGS.showHints),
  profile: z
    .object({ name: z.string().default(''), unit: z.string().default(''), employeeNo: z.string().default('') })
    .default(DEFAULT_SETTINGS.profile),
  homeRegion: z
    .object({ provinceCode: z.string().optional(), cityCode: z.string().optional(), countyCode: z.string().optional() })
    .default({}),
  countPovertyArea: z.boolean().default(DEFAULT_SETTINGS.countPovertyArea),
  pledgeRules: z
    .object({
      province: z.string().min(1),
      reserveShare: z.number().min(0).max(1),
      unionShare: z.number().min(0).max(1),
      unionCapFen: z.number().int().positive().optional(),
    })
    .default(DEFAULT_SETTINGS.pledgeRules),
}) satisfies z.ZodType<Settings, unknown>;
