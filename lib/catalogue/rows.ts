import { isValidCreditCode, normalizeCreditCode } from '../credit-code';
import { parseDate } from '../dates';
import type { CatalogueEntry, CatalogueStatus, Storefront } from '../db/entities';
import { CodedError, type Message, message } from '../i18n/message';
import { deriveMatchKeys } from '../match/build-index';
import type { SiteId } from '../match/listing';
import { foldText, nfkc, supplierKey } from '../match/normalize';
import { resolveCounty } from '../regions';
import { normalizeHeader } from '../tables/headers';
import { duplicateHeaderNotes, noteMessage, type RowSink, type Table, type TableHead } from '../tables/table';
import {
  CATALOGUE_COLUMNS,
  type CatalogueField,
  FIELD_LABELS,
  headerField,
  mapHeaders,
  REQUIRED_FIELDS,
} from './columns';

export interface RowProblem {
  rowNumber: number;
  /** The column's header, or its place when it has none. */
  column?: string | Message;
  message: Message;
}

export interface CatalogueImportPlan {
  sourceId: string;
  rowsRead: number;
  entries: CatalogueEntry[];
  rejected: RowProblem[];
  duplicates: (RowProblem & { firstRow: number })[];
  warnings: RowProblem[];
  /** Headers kept as extra columns. */
  extraColumns: string[];
}

const KNOWN_HEADERS = new Set(Object.values(CATALOGUE_COLUMNS).flatMap((aliases) => aliases.map(normalizeHeader)));
export const isCatalogueHeader = (cell: string) => KNOWN_HEADERS.has(normalizeHeader(cell));

const PLATFORMS: Record<string, SiteId> = {
  京东: 'jd',
  jd: 'jd',
  京东商城: 'jd',
  淘宝: 'taobao',
  taobao: 'taobao',
  淘宝网: 'taobao',
  天猫: 'tmall',
  tmall: 'tmall',
  拼多多: 'pinduoduo',
  pinduoduo: 'pinduoduo',
  pdd: 'pinduoduo',
  苏宁: 'suning',
  苏宁易购: 'suning',
  suning: 'suning',
  '832': 'fupin832',
  '832平台': 'fupin832',
  脱贫地区农副产品网络销售平台: 'fupin832',
  fupin832: 'fupin832',
};

export function parsePlatform(text: string): SiteId | undefined {
  return PLATFORMS[foldText(text)];
}

/** Taobao and Tmall share one item-id space, so both key as `taobao:`. */
export function itemKey(site: SiteId, itemId: string): string {
  return `${site === 'tmall' ? 'taobao' : site}:${itemId}`;
}

const STATUS: Record<string, CatalogueStatus> = {
  有效: 'valid',
  正常: 'valid',
  valid: 'valid',
  过期: 'expired',
  已过期: 'expired',
  失效: 'expired',
  已失效: 'expired',
  expired: 'expired',
  撤销: 'revoked',
  已撤销: 'revoked',
  取消: 'revoked',
  已取消: 'revoked',
  退出: 'revoked',
  revoked: 'revoked',
};

/** Item ids in a cell: digits, several separated by commas or spaces; 1234.0 is how Excel wrote 1234. */
function readItemIds(cell: string): string[] {
  return cell
    .split(/[\s,，;；、|]+/)
    .map((s) => s.replace(/\.0$/, ''))
    .filter((s) => /^\d{3,20}$/.test(s));
}

/** Fields stored as the cell says. */
const PLAIN_FIELDS = ['category', 'brand', 'spec', 'batch'] as const;

const NO_EXPIRY = /^(?:长期|长期有效|永久|无|-|—)$/;

/** Cell text: NFKC (full-width digits and spaces), trimmed, inner white space folded. */
function clean(text: string | undefined): string {
  if (!text) return '';
  // Printable ASCII and CJK ideographs need nothing (one scan, no regex: 2.7 million cells in a national list).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x21 || c > 0x7e) && (c < 0x4e00 || c > 0x9fff)) return nfkc(text).replace(/\s+/g, ' ').trim();
  }
  return text;
}

/**
 * Validates a table's rows into catalogue entries and a report: rejected rows
 * (no name, no supplier, a date that cannot be read), duplicates, warnings.
 * Pure: nothing is written.
 */
export function planCatalogueImport(table: Table, options: { sourceId: string; today: string }): CatalogueImportPlan {
  const planner = startCataloguePlan(table, options);
  for (const { rowNumber, cells } of table.rows) planner.addRow(rowNumber, cells);
  return planner.finish();
}

/**
 * `planCatalogueImport` a row at a time, as a file is read: `addRow` takes the
 * data rows in file order, `finish` gives the plan. Throws MissingColumnsError
 * at once when the header lacks a required column.
 */
export function startCataloguePlan(
  head: TableHead,
  options: {
    sourceId: string;
    today: string;
    /**
     * For a later part of a file read in parts: no row is judged a duplicate
     * here; the keys of every entry are kept, for the first part's finder to
     * judge against the rows before them (`DuplicateFinder.settle`).
     */
    deferDuplicates?: boolean;
  },
): { addRow: RowSink; finish: () => CatalogueImportPlan; duplicates: DuplicateFinder; deferred?: DuplicateKeys } {
  const fields = mapHeaders(head.headers);
  const missing = REQUIRED_FIELDS.filter((f) => !fields.includes(f));
  if (missing.length) {
    throw new MissingColumnsError(missing.map((f) => FIELD_LABELS[f]));
  }
  const indexOf = Object.fromEntries(
    (Object.keys(FIELD_LABELS) as CatalogueField[]).map((f) => [f, fields.indexOf(f)]),
  ) as Record<CatalogueField, number>;
  const column = (field: CatalogueField) => head.headers[indexOf[field]] ?? FIELD_LABELS[field];
  const extraIndexes = head.headers.flatMap((h, i) => (h && !fields[i] ? [i] : []));
  const extraColumns = extraIndexes.map((i) => head.headers[i] as string);

  const plan: CatalogueImportPlan = {
    sourceId: options.sourceId,
    rowsRead: 0,
    entries: [],
    rejected: [],
    duplicates: [],
    warnings: [],
    extraColumns,
  };
  // A header naming a column already named (品名 beside 产品名称): the later is kept as extra, and said so.
  if (!options.deferDuplicates) {
    for (const note of duplicateHeaderNotes(head.headers, headerField, head.headerRow ?? 1)) {
      plan.warnings.push({ rowNumber: note.rowNumber, column: note.column, message: noteMessage(note) });
    }
  }
  const duplicates = new DuplicateFinder();
  const deferred: DuplicateKeys | undefined = options.deferDuplicates
    ? { rowNumbers: [], certificates: [], supplierProducts: [] }
    : undefined;

  const at = (cells: string[], i: number) => (i < 0 ? '' : clean(cells[i]));
  // One fixed-shape record of cleaned cells per row: the hot loop of a national import.
  const readRow = (cells: string[]): Record<CatalogueField, string> => ({
    certificateNo: at(cells, indexOf.certificateNo),
    name: at(cells, indexOf.name),
    supplier: at(cells, indexOf.supplier),
    creditCode: at(cells, indexOf.creditCode),
    province: at(cells, indexOf.province),
    city: at(cells, indexOf.city),
    county: at(cells, indexOf.county),
    category: at(cells, indexOf.category),
    brand: at(cells, indexOf.brand),
    spec: at(cells, indexOf.spec),
    certifiedOn: at(cells, indexOf.certifiedOn),
    validUntil: at(cells, indexOf.validUntil),
    status: at(cells, indexOf.status),
    batch: at(cells, indexOf.batch),
    platform: at(cells, indexOf.platform),
    shopName: at(cells, indexOf.shopName),
    itemId: at(cells, indexOf.itemId),
    aliases: at(cells, indexOf.aliases),
  });

  const problem = (rowNumber: number, field: CatalogueField, said: Message): RowProblem => ({
    rowNumber,
    column: column(field),
    message: said,
  });
  const warn = (rowNumber: number, field: CatalogueField, said: Message) =>
    plan.warnings.push(problem(rowNumber, field, said));

  // Formula cells come in with the rows (a streamed file) or all at once (a table): reported in row order either way.
  let formulasNoted = 0;
  const noteFormulas = (upToRow: number) => {
    const cells = head.formulaCells;
    for (; formulasNoted < cells.length && (cells[formulasNoted]?.rowNumber ?? 0) <= upToRow; formulasNoted++) {
      const f = cells[formulasNoted] as (typeof cells)[number];
      plan.warnings.push({
        rowNumber: f.rowNumber,
        column: f.column,
        message: message('catalogue.row.formula', { formula: f.formula }),
      });
    }
  };
  // Fields read straight off the row and problems made by one helper: no closures per row (150,000 rows).
  const addRow = (rowNumber: number, cells: string[]) => {
    plan.rowsRead++;
    noteFormulas(rowNumber);
    const row = readRow(cells);
    const { name, supplier } = row;
    if (!name) {
      plan.rejected.push(problem(rowNumber, 'name', message('catalogue.row.noName')));
      return;
    }
    if (!supplier) {
      plan.rejected.push(problem(rowNumber, 'supplier', message('catalogue.row.noSupplier')));
      return;
    }
    const certifiedOn = row.certifiedOn ? parseDate(row.certifiedOn) : undefined;
    if (row.certifiedOn && !certifiedOn) {
      plan.rejected.push(problem(rowNumber, 'certifiedOn', message('catalogue.row.date', { value: row.certifiedOn })));
      return;
    }
    const datedUntil = row.validUntil !== '' && !NO_EXPIRY.test(row.validUntil);
    const validUntil = datedUntil ? parseDate(row.validUntil) : undefined;
    if (datedUntil && !validUntil) {
      plan.rejected.push(problem(rowNumber, 'validUntil', message('catalogue.row.date', { value: row.validUntil })));
      return;
    }

    const creditCode: string | undefined = row.creditCode ? normalizeCreditCode(row.creditCode) : undefined;
    if (creditCode && !isValidCreditCode(creditCode))
      warn(rowNumber, 'creditCode', message('catalogue.row.creditCode', { code: creditCode }));

    const statusText = row.status;
    const statusRead = statusText ? STATUS[foldText(statusText)] : undefined;
    let status: CatalogueStatus = statusRead ?? 'valid';
    if (statusText && !statusRead) warn(rowNumber, 'status', message('catalogue.row.status', { value: statusText }));
    if (status === 'valid' && validUntil && validUntil < options.today) {
      status = 'expired';
      warn(rowNumber, 'validUntil', message('catalogue.row.expired', { date: validUntil }));
    }

    const province = row.province || undefined;
    const city = row.city || undefined;
    const county = row.county || undefined;
    const countyCode = county ? resolveCounty(county, { province, city }) : undefined;
    if (county && !countyCode) warn(rowNumber, 'county', message('catalogue.row.county', { county }));

    const platformText = row.platform;
    const platform = platformText ? parsePlatform(platformText) : undefined;
    if (platformText && !platform)
      warn(rowNumber, 'platform', message('catalogue.row.platform', { value: platformText }));
    const shopName = row.shopName || undefined;
    const itemIds = row.itemId ? readItemIds(row.itemId) : [];
    if (row.itemId && itemIds.length === 0)
      warn(rowNumber, 'itemId', message('catalogue.row.itemId', { value: row.itemId }));
    const storefronts: Storefront[] = platform && (shopName || itemIds.length) ? [{ platform, shopName, itemIds }] : [];

    const certificateNo = row.certificateNo || undefined;
    const supplierCore = supplierKey(supplier);
    const spKey = `${supplierCore}|${foldText(name)}`;
    if (deferred) {
      deferred.rowNumbers.push(rowNumber);
      deferred.certificates.push(certificateNo ?? '');
      deferred.supplierProducts.push(spKey);
    } else {
      const duplicate = duplicates.check(rowNumber, certificateNo, spKey);
      if (duplicate) {
        plan.duplicates.push(duplicate);
        return;
      }
    }

    const entry: CatalogueEntry = {
      id: `${options.sourceId}#${rowNumber}`,
      sourceId: options.sourceId,
      name,
      supplier,
      supplierKey: supplierCore,
      status,
    };
    // Only present fields are set: stored records carry no empty values.
    const aliases = row.aliases;
    if (aliases)
      entry.aliases = aliases
        .split(/[,，;；、|]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    if (storefronts.length) entry.storefronts = storefronts;
    if (platform && itemIds.length) entry.itemKeys = itemIds.map((id) => itemKey(platform, id));
    for (const i of extraIndexes) {
      const value = clean(cells[i]);
      if (value) {
        entry.extra ??= {};
        entry.extra[head.headers[i] as string] = value;
      }
    }
    if (certificateNo) entry.certificateNo = certificateNo;
    if (creditCode) entry.creditCode = creditCode;
    if (province) entry.province = province;
    if (city) entry.city = city;
    if (county) entry.county = county;
    if (countyCode) entry.countyCode = countyCode;
    if (certifiedOn) entry.certifiedOn = certifiedOn;
    if (validUntil) entry.validUntil = validUntil;
    for (const field of PLAIN_FIELDS) {
      const value = row[field];
      if (value) entry[field] = value;
    }
    // Derived here, once, rather than at every index build.
    entry.matchKeys = deriveMatchKeys(entry);
    plan.entries.push(entry);
  };
  const finish = () => {
    noteFormulas(Number.POSITIVE_INFINITY);
    return plan;
  };
  return { addRow, finish, duplicates, deferred };
}

/** The duplicate keys of a part's entries, in the entries' order (certificate '' when none). */
export interface DuplicateKeys {
  rowNumbers: number[];
  certificates: string[];
  supplierProducts: string[];
}

/**
 * Finds rows that repeat an earlier kept row: the same certificate number, or
 * the same supplier and product name. A row judged a duplicate is not kept,
 * so it is never the first row of another.
 */
export class DuplicateFinder {
  private readonly byCertificate = new Map<string, number>();
  private readonly bySupplierProduct = new Map<string, number>();

  /** The duplicate problem of a row, or undefined after keeping its keys. */
  check(rowNumber: number, certificateNo: string | undefined, spKey: string) {
    const byCertificate = certificateNo ? this.byCertificate.get(certificateNo) : undefined;
    const firstRow = byCertificate || this.bySupplierProduct.get(spKey);
    if (firstRow) {
      const said = byCertificate
        ? message('catalogue.row.duplicateCertificate', { certificate: certificateNo ?? '' })
        : message('catalogue.row.duplicateProduct');
      return { rowNumber, firstRow, message: said };
    }
    if (certificateNo) this.byCertificate.set(certificateNo, rowNumber);
    this.bySupplierProduct.set(spKey, rowNumber);
    return undefined;
  }

  /**
   * Judges a later part's entries against every row kept before them, in row
   * order: the duplicates found, and the positions of the entries to drop.
   */
  settle(keys: DuplicateKeys): { duplicates: CatalogueImportPlan['duplicates']; drop: number[] } {
    const duplicates: CatalogueImportPlan['duplicates'] = [];
    const drop: number[] = [];
    for (let i = 0; i < keys.rowNumbers.length; i++) {
      const found = this.check(
        keys.rowNumbers[i] as number,
        keys.certificates[i] || undefined,
        keys.supplierProducts[i] as string,
      );
      if (found) {
        duplicates.push(found);
        drop.push(i);
      }
    }
    return { duplicates, drop };
  }
}

export class MissingColumnsError extends CodedError {
  constructor(readonly columns: string[]) {
    super(message('table.missingColumns', { columns: columns.map((c) => `"${c}"`).join('、') }));
    this.name = 'MissingColumnsError';
  }
}
