import { describe, expect, it } from 'vitest';
import { hanLiterals } from '../../scripts/lint-han';

describe('the Chinese-literal check (npm run lint)', () => {
  it('finds strings, templates and JSX text', () => {
    const found = hanLiterals(
      [
        "const a = '请填写产品名称';",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a template, as text
        'const b = `第 ${row} 行`;',
        'const c = <p>保存</p>;',
        'const d = { label: "金额" as string };',
      ].join('\n'),
      true,
    );
    expect(found.map((f) => [f.line, f.text])).toEqual([
      [1, '请填写产品名称'],
      [2, '第'],
      [2, '行'],
      [3, '保存'],
      [4, '金额'],
    ]);
  });

  it('leaves comments, regular expressions and Latin text alone', () => {
    const source = [
      '// 注释：不是界面文字',
      '/** 说明 */',
      'const re = /(省|市)$/;',
      "const t = 'Save';",
      "type K = 'x';",
    ].join('\n');
    expect(hanLiterals(source, false)).toEqual([]);
  });
});
