"use client";

import { useCombobox, useMultipleSelection } from "downshift";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { fieldClassName } from "@/components/ui/input";
import { LABELS_MAX, labelProblem, sameLabel } from "../label-rules";
import { fold } from "../search-highlight";
import type { Label } from "../task-api";

interface LabelPickerProps {
  value: string[];
  onChange(labels: string[]): void;
  /** The user's labels, offered as they type. */
  suggestions: readonly Label[];
}

interface Option {
  name: string;
  /** Not one of the user's labels yet: choosing it makes it. */
  isNew: boolean;
}

const MAX_SUGGESTIONS = 8;
const { stateChangeTypes } = useCombobox;

/** The options for what is typed: the user's labels holding it, then "Create" for a new one. */
function optionsFor(typed: string, value: readonly string[], suggestions: readonly Label[]) {
  const text = typed.trim();
  if (value.length >= LABELS_MAX) return [];
  const taken = (name: string) => value.some((label) => sameLabel(label, name));
  const existing = suggestions
    .filter((label) => !taken(label.name) && fold(label.name).includes(fold(text)))
    .slice(0, MAX_SUGGESTIONS)
    .map((label): Option => ({ name: label.name, isNew: false }));
  const known = taken(text) || suggestions.some((label) => sameLabel(label.name, text));
  const creatable = text !== "" && !known && labelProblem(text) === null;
  return creatable ? [...existing, { name: text, isNew: true }] : existing;
}

/** Why what is typed can't be added, in words; null when it can (or nothing is typed). */
function problemWith(typed: string, value: readonly string[]): string | null {
  if (value.length >= LABELS_MAX) return `A task can have at most ${LABELS_MAX} labels.`;
  if (typed.trim() === "") return null;
  return labelProblem(typed);
}

/**
 * A task's labels: chips, each removable, and a combobox that offers the user's labels as they
 * type and makes a new one from what was typed. Enter or a click adds the highlighted option;
 * Backspace in the empty box removes the last chip; ← moves to the chips.
 */
export function LabelPicker({ value, onChange, suggestions }: LabelPickerProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState("");
  const options = optionsFor(typed, value, suggestions);
  const problem = problemWith(typed, value);

  const multiple = useMultipleSelection<string>({
    selectedItems: value,
    onStateChange({ selectedItems, type }) {
      if (!selectedItems) return;
      switch (type) {
        case useMultipleSelection.stateChangeTypes.SelectedItemKeyDownBackspace:
        case useMultipleSelection.stateChangeTypes.SelectedItemKeyDownDelete:
        case useMultipleSelection.stateChangeTypes.DropdownKeyDownBackspace:
        case useMultipleSelection.stateChangeTypes.FunctionRemoveSelectedItem:
          onChange(selectedItems);
          break;
        default:
          break;
      }
    },
  });

  const combobox = useCombobox<Option>({
    items: options,
    itemToString: (option) => option?.name ?? "",
    itemToKey: (option) => (option ? `${option.isNew}:${option.name}` : null),
    inputId,
    defaultHighlightedIndex: 0,
    selectedItem: null,
    inputValue: typed,
    stateReducer(_state, { changes, type }) {
      switch (type) {
        case stateChangeTypes.InputKeyDownEnter:
        case stateChangeTypes.ItemClick:
          // Closed once a label is added, so the next Enter in the empty box saves the task.
          return changes.selectedItem ? { ...changes, isOpen: false, inputValue: "" } : changes;
        case stateChangeTypes.InputBlur:
          return { ...changes, inputValue: "" };
        default:
          return changes;
      }
    },
    onStateChange({ type, selectedItem, inputValue }) {
      switch (type) {
        case stateChangeTypes.InputKeyDownEnter:
        case stateChangeTypes.ItemClick:
          if (selectedItem) {
            onChange([...value, selectedItem.name]);
            setTyped("");
          }
          break;
        case stateChangeTypes.InputBlur:
          // Leaving the box keeps what was typed as a label, never an untyped suggestion.
          if (selectedItem && typed.trim() !== "") onChange([...value, selectedItem.name]);
          setTyped("");
          break;
        case stateChangeTypes.InputChange:
          setTyped(inputValue ?? "");
          break;
        default:
          break;
      }
    },
  });

  const { isOpen, highlightedIndex } = combobox;
  const problemId = `${inputId}-problem`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape" && (isOpen || typed !== "")) {
      // Escape drops the suggestions and the typing first; only then the edit.
      event.stopPropagation();
      setTyped("");
    }
    if (event.key === "Enter" && typed.trim() !== "" && highlightedIndex < 0) {
      // Never save the form with a label that could not be added.
      event.preventDefault();
    }
  };
  const dropdown = multiple.getDropdownProps({
    // ← and Backspace reach the chips from an empty box, even with suggestions open.
    preventKeyAction: isOpen && typed !== "",
    onKeyDown,
    ref: inputRef,
  });

  return (
    <div className="grid gap-1.5">
      <label
        {...combobox.getLabelProps()}
        htmlFor={inputId}
        className="text-sm font-medium leading-none"
      >
        Labels
      </label>
      <div
        className={cn(
          fieldClassName,
          "flex min-h-10 flex-wrap items-center gap-1.5 py-1.5 focus-within:border-ring",
        )}
      >
        {value.length > 0 ? (
          <ul aria-label="Labels on this task" className="contents">
            {value.map((label, index) => (
              <li
                key={label}
                className="inline-flex items-center gap-0.5 rounded-full bg-muted py-0.5 pr-0.5 pl-2 text-xs"
              >
                <span
                  {...multiple.getSelectedItemProps({ selectedItem: label, index })}
                  className="rounded-sm focus-visible:outline-2 focus-visible:outline-ring"
                >
                  #{label}
                </span>
                <button
                  type="button"
                  aria-label={`Remove the label "${label}"`}
                  title={`Remove the label "${label}"`}
                  className="inline-flex size-6 cursor-pointer items-center justify-center rounded-full hover:bg-background/70 focus-visible:outline-2 focus-visible:outline-ring"
                  onClick={(event) => {
                    event.stopPropagation();
                    multiple.removeSelectedItem(label);
                    // The chip goes with its button: focus stays in the picker (and the form, for Escape).
                    inputRef.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          {...combobox.getInputProps({
            ...dropdown,
            // Without the chips' keys (suggestions open, text typed) ours still apply.
            onKeyDown: dropdown.onKeyDown ?? onKeyDown,
            "aria-describedby": problemId,
            "aria-invalid": problem ? true : undefined,
          })}
          placeholder={value.length === 0 ? "Add a label" : "Add another"}
          className="h-7 min-w-24 flex-1 bg-transparent outline-none"
        />
      </div>
      <ul
        {...combobox.getMenuProps()}
        className={cn(
          "grid max-h-56 overflow-y-auto rounded-md border bg-popover py-1 text-sm shadow-md",
          !(isOpen && options.length > 0) && "hidden",
        )}
      >
        {isOpen
          ? options.map((option, index) => (
              <li
                key={`${option.isNew}:${option.name}`}
                {...combobox.getItemProps({ item: option, index })}
                className={cn(
                  "cursor-pointer px-3 py-1.5",
                  highlightedIndex === index && "bg-accent text-accent-foreground",
                )}
              >
                {option.isNew ? `Create "${option.name}"` : `#${option.name}`}
              </li>
            ))
          : null}
      </ul>
      <p id={problemId} aria-live="polite" className="text-xs font-medium text-destructive">
        {problem ?? ""}
      </p>
    </div>
  );
}
