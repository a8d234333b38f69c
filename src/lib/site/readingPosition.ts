/**
 * Where a reader is in a long text: the section whose heading is the last one above the reading
 * line (a third of the way down the screen), or none before the first heading. Pure: the page
 * passes the headings' positions.
 */
export function currentHeading(
  headings: readonly { id: string; top: number }[],
  viewportHeight: number,
): string | undefined {
  const line = viewportHeight / 3;
  let current: string | undefined;
  for (const h of headings) {
    if (h.top <= line) current = h.id;
    else break;
  }
  return current;
}
