// Ethnic groups as they appear in autonomous units' names, longest first, some
// written without 族 (塔什库尔干塔吉克自治县, 巴里坤哈萨克自治县).
const ETHNIC = [
  '柯尔克孜族',
  '达斡尔族',
  '鄂伦春族',
  '鄂温克族',
  '哈萨克族',
  '蒙古族',
  '土家族',
  '布依族',
  '景颇族',
  '哈尼族',
  '傈僳族',
  '朝鲜族',
  '拉祜族',
  '纳西族',
  '仡佬族',
  '毛南族',
  '仫佬族',
  '撒拉族',
  '保安族',
  '东乡族',
  '裕固族',
  '塔吉克族',
  '独龙族',
  '普米族',
  '锡伯族',
  '维吾尔族',
  '苗族',
  '侗族',
  '彝族',
  '藏族',
  '羌族',
  '回族',
  '壮族',
  '傣族',
  '白族',
  '黎族',
  '瑶族',
  '佤族',
  '畲族',
  '水族',
  '满族',
  '土族',
  '怒族',
  '京族',
  '各族',
  '塔吉克',
  '哈萨克',
  '锡伯',
  '鄂伦春',
  '鄂温克',
  '达斡尔',
  '蒙古',
].join('|');

function stripAutonomous(name: string, units: string): string | undefined {
  const m = new RegExp(`^(.*?)(?:${ETHNIC})+自治(?:${units})$`).exec(name);
  if (!m) return undefined;
  // 东乡族自治县 and 鄂伦春自治旗 are named after the people: the core is the people's name.
  return (m[1] ?? '').length >= 2 ? m[1] : name.replace(new RegExp(`族?自治(?:${units})$`), '');
}

/**
 * The core of a county-level name, as people write it in product titles:
 * 祁东县 → 祁东, 秀山土家族苗族自治县 → 秀山, 平泉市 → 平泉. Undefined when the core
 * would be a single character (县 names like 岷县 are only ever matched whole).
 */
export function countyCore(name: string): string | undefined {
  const core = stripAutonomous(name, '县|旗') ?? name.replace(/(?:县|市|区|旗|特区|林区|行委|行政委员会)$/, '');
  return core.length >= 2 && core !== name ? core : undefined;
}

/** The core of a prefecture-level name: 恩施土家族苗族自治州 → 恩施, 大同市 → 大同, 阿里地区 → 阿里. */
export function prefectureCore(name: string): string | undefined {
  const core = stripAutonomous(name, '州') ?? name.replace(/(?:市|地区|盟)$/, '');
  return core.length >= 2 && core !== name ? core : undefined;
}
