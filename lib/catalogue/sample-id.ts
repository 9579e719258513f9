/** The bundled sample catalogue's source id (kept apart from sample.ts: content scripts read it and must stay small). */
export const SAMPLE_SOURCE_ID = 'src:sample';

/** Whether a catalogue entry id (`<sourceId>#<row>`) comes from the sample catalogue. */
export const isSampleEntryId = (entryId: string | undefined): boolean =>
  entryId?.startsWith(`${SAMPLE_SOURCE_ID}#`) === true;
