import { createKeybindingsHandler, defaultKeybindingsHandlerIgnore } from "tinykeys";

/**
 * The task screen's keyboard shortcuts, defined once: the key handler is made from this list and
 * the "Keyboard shortcuts" dialog (`?`) shows it. Bindings use tinykeys' syntax: a key's `key` or
 * `code`, optional modifiers in brackets, a space between the presses of a sequence. A binding
 * without a modifier never fires with Ctrl, Meta or Alt held.
 */
export const SHORTCUTS = [
  { id: "quickAdd", group: "General", bindings: ["q"], does: "Add a task (quick add)" },
  { id: "search", group: "General", bindings: ["/"], does: "Search" },
  { id: "help", group: "General", bindings: ["[Shift]+?"], does: "Show keyboard shortcuts" },
  { id: "next", group: "Tasks", bindings: ["j"], does: "Next task" },
  { id: "previous", group: "Tasks", bindings: ["k"], does: "Previous task" },
  { id: "complete", group: "Tasks", bindings: ["x", "Space"], does: "Complete (or reopen)" },
  { id: "edit", group: "Tasks", bindings: ["e", "Enter"], does: "Edit" },
  { id: "delete", group: "Tasks", bindings: ["Delete", "Backspace"], does: "Delete (with undo)" },
  { id: "priorityHigh", group: "Tasks", bindings: ["1"], does: "Priority high" },
  { id: "priorityMedium", group: "Tasks", bindings: ["2"], does: "Priority medium" },
  { id: "priorityLow", group: "Tasks", bindings: ["3"], does: "Priority low" },
  { id: "priorityNone", group: "Tasks", bindings: ["4"], does: "No priority" },
  { id: "dueToday", group: "Tasks", bindings: ["t"], does: "Due today" },
  { id: "dueTomorrow", group: "Tasks", bindings: ["Shift+T"], does: "Due tomorrow" },
  { id: "goInbox", group: "Go to", bindings: ["g i"], does: "Inbox" },
  { id: "goToday", group: "Go to", bindings: ["g t"], does: "Today" },
  { id: "goUpcoming", group: "Go to", bindings: ["g u"], does: "Upcoming" },
] as const satisfies readonly {
  id: string;
  group: string;
  bindings: readonly string[];
  does: string;
}[];

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut["id"];
export type ShortcutGroup = Shortcut["group"];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ["General", "Tasks", "Go to"];

/** The keys to press for a binding, as shown to people: "g i" → ["g", "i"], "[Shift]+?" → ["?"]. */
export function keysOf(binding: string): string[] {
  return binding.split(" ").map((press) => press.replace(/\[\w+\]\+/g, ""));
}

/** The first key of each binding, e.g. for `aria-keyshortcuts` ("x Space"). */
export const ariaKeyShortcuts = (id: ShortcutId) =>
  SHORTCUTS.find((shortcut) => shortcut.id === id)
    ?.bindings.map((binding) => keysOf(binding).join(" "))
    .join(" ") ?? "";

/**
 * A shortcut's action: it returns false when it had nothing to act on (no task focused), so the
 * key keeps its usual meaning (Enter on a button still presses it).
 */
export type ShortcutAction = (event: KeyboardEvent) => boolean;

/** Nothing fires while typing, in a modal dialog or in a task's editor. */
function ignore(event: KeyboardEvent): boolean {
  if (defaultKeybindingsHandlerIgnore(event)) return true;
  const target = event.target;
  return (
    target instanceof Element &&
    target.closest(
      '[contenteditable]:not([contenteditable="false"]), [role="dialog"], [role="alertdialog"], [data-task-editor]',
    ) !== null
  );
}

/**
 * A keydown listener for `actions`. Sequences are tried first, so "g t" goes to Today instead of
 * the "t" of its second press setting a due date.
 */
export function createShortcutHandler(
  actions: Record<ShortcutId, ShortcutAction>,
): (event: KeyboardEvent) => void {
  const ordered = [...SHORTCUTS].sort(
    (a, b) => Number(b.bindings[0].includes(" ")) - Number(a.bindings[0].includes(" ")),
  );
  const bindings: Record<string, (event: KeyboardEvent) => void> = {};
  for (const shortcut of ordered) {
    for (const binding of shortcut.bindings) {
      bindings[binding] = (event) => {
        if (actions[shortcut.id](event)) event.preventDefault();
      };
    }
  }
  const handler = createKeybindingsHandler(bindings, { ignore });
  return (event) => handler(event);
}
