import type { Harness } from './harness';

/** A backup file as our own backup writes it: purchases and pledges, the profile, nothing else. */
export function backupJson(options: {
  purchases: object[];
  pledges?: object[];
  profile?: { name: string; unit: string; employeeNo?: string };
}): string {
  return JSON.stringify({
    format: 'relief-shopping-helper-backup',
    formatVersion: 1,
    tables: {
      catalogueSources: [],
      catalogueChunks: [],
      unsoldGoods: [],
      pledges: options.pledges ?? [],
      purchases: options.purchases,
    },
    settings: { profile: { employeeNo: '', ...(options.profile ?? { name: '', unit: '' }) } },
  });
}

/** A purchase record of the ledger: a 祁东 product from JD, certified, unless told otherwise. */
export function ledgerPurchase(p: { id: string; day: string; product: string; fen: number } & Record<string, unknown>) {
  const { day, fen, ...rest } = p;
  return {
    supplier: '祁东县湘祁黄花菜开发有限公司',
    county: '祁东县',
    platform: 'jd',
    quantity: 1,
    unit: '袋',
    unitPriceFen: fen,
    amountFen: fen,
    fundingSource: '个人',
    type: '直接购买',
    certification: { tier: 'certified', batch: '第3批' },
    createdAt: `${day}T08:00:00.000Z`,
    purchasedOn: day,
    ...rest,
  };
}

/** Restores a backup through the settings page, as a person would. */
export async function restoreBackup(h: Harness, json: string): Promise<void> {
  const settings = await h.openExtensionPage('dashboard.html#/settings');
  await settings
    .getByTestId('backup-restore')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await settings.getByTestId('settings-message').getByText('已从备份恢复').waitFor({ timeout: 60_000 });
  await settings.close();
}
