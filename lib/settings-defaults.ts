export { DEFAULT_SETTINGS, SETTING_NAMES, type SettingName, type Settings } from './settings-schema';
