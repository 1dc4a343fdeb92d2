/**
 * Focus among the task rows on screen, across all their lists (Today's two, Upcoming's days), in
 * the order they are shown. A row (`data-task-row`, `tabIndex=-1`) takes focus itself from the
 * keyboard shortcuts; Tab still walks its controls.
 */
export const TASK_ROW_ATTRIBUTE = "data-task-row";

/** The header's search box, which `/` focuses. */
export const SEARCH_INPUT_ID = "task-search";

const CHECKBOX = '[role="checkbox"]:not(:disabled)';

export function taskRows(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${TASK_ROW_ATTRIBUTE}]`)];
}

/** The row holding focus (the row itself or one of its controls), if any. */
export function focusedRow(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest(`[${TASK_ROW_ATTRIBUTE}]`) : null;
}

/**
 * Focus the next (1) or previous (-1) row from the focused one; from none, the first (or last).
 * False when there is no row to go to.
 */
export function moveTaskFocus(step: 1 | -1): boolean {
  const rows = taskRows();
  const current = focusedRow();
  const index = current ? rows.indexOf(current) : -1;
  const target = index < 0 ? (step === 1 ? rows[0] : rows.at(-1)) : rows[index + step];
  if (!target) return index >= 0;
  target.focus();
  return true;
}

/**
 * Before `item` leaves the screen while it holds focus: move focus to the next row, else the
 * previous one, else `fallback` (the quick-add line). The row itself if it had focus itself (the
 * keyboard's way), else its checkbox (as a ticked checkbox had).
 */
export function focusNeighbour(item: HTMLElement | null, fallback: () => void): void {
  if (item === null) {
    fallback();
    return;
  }
  const others = taskRows().filter((row) => row !== item && !item.contains(row));
  const follows = (row: HTMLElement) =>
    (item.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  const neighbour = others.find(follows) ?? others.filter((row) => !follows(row)).at(-1);
  if (!neighbour) {
    fallback();
    return;
  }
  const rowHadFocus = document.activeElement === item;
  const target = rowHadFocus ? neighbour : neighbour.querySelector<HTMLElement>(CHECKBOX);
  (target ?? neighbour).focus();
}
