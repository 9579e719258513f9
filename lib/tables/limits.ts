/** File sizes the table readers take, here without the readers so a page can check a file before sending it on. */
export const MAX_TEXT_BYTES = 40 * 1024 * 1024;
export const MAX_XLSX_BYTES = 25 * 1024 * 1024;

/** A CSV is read in parts of at least this size: smaller ones are not worth a worker (starting and merging cost more). */
export const MIN_PART_BYTES = 4 * 1024 * 1024;
