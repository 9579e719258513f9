import { DEFAULT_PLEDGE_RULES, type PledgeRules } from './ledger/pledge-kinds';
import type { SiteId } from './match/listing';

/** Every setting and its default, without zod: content scripts read these and must stay small. */
export interface Settings {
  language: 'auto' | 'zh-CN' | 'en';
  siteSwitches: Partial<Record<SiteId, boolean>>;
  showHints: boolean;
  profile: { name: string; unit: string; employeeNo: string };
  homeRegion: { provinceCode?: string; cityCode?: string; countyCode?: string };
  /** Whether purchases of poverty-area (not certified) products count towards pledges. */
  countPovertyArea: boolean;
  /** The province's shares and caps the pledge kinds start from (lib/ledger/pledge-kinds), editable. */
  pledgeRules: PledgeRules;
}
export type SettingName = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  language: 'auto',
  siteSwitches: {},
  showHints: true,
  profile: { name: '', unit: '', employeeNo: '' },
  homeRegion: {},
  countPovertyArea: false,
  pledgeRules: DEFAULT_PLEDGE_RULES,
};
export const SETTING_NAMES = Object.keys(DEFAULT_SETTINGS) as SettingName[];
