/**
 * Maps items through a set of runners (one per worker thread), each taking
 * the next item as soon as it is free; results keep the items' order.
 */
export async function mapWithRunners<I, O>(
  items: readonly I[],
  runners: readonly ((item: I) => Promise<O>)[],
): Promise<O[]> {
  if (!runners.length) throw new Error('no runners');
  const out = new Array<O>(items.length);
  let next = 0;
  await Promise.all(
    runners.map(async (run) => {
      while (next < items.length) {
        const i = next++;
        out[i] = await run(items[i] as I);
      }
    }),
  );
  return out;
}
