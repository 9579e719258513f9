import { describe, expect, it } from 'vitest';
import { createTranslator, detectLanguage, resolveLanguage } from '../../lib/i18n';
import { en } from '../../lib/i18n/en';
import { zhCN } from '../../lib/i18n/zh-CN';

describe('i18n', () => {
  it('prefers Chinese, then English, and defaults to Chinese', () => {
    expect(detectLanguage(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(detectLanguage(['fr-FR'])).toBe('en');
    expect(detectLanguage([])).toBe('zh-CN');
  });

  it('lets the setting override the browser', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('auto', ['zh-CN'])).toBe('zh-CN');
  });

  it('fills parameters', () => {
    expect(createTranslator('zh-CN')('popup.catalogueCount', { count: 3 })).toBe('目录中共有 3 个认定产品');
    expect(createTranslator('en')('popup.catalogueCount', { count: 3 })).toBe('3 certified products in the catalogue');
  });

  it('has an English text for every Chinese key, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const text of [...Object.values(en), ...Object.values(zhCN)]) expect(text.trim()).not.toBe('');
  });

  it('asks the same parameters in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(names(en[key]), key).toEqual(names(zhCN[key]));
  });
});
