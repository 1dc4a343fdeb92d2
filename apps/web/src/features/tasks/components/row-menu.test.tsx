import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { RowMenu } from "./row-menu";

function renderMenu() {
  const chosen: string[] = [];
  render(
    <>
      <RowMenu
        label='Actions for "Pay rent"'
        items={[
          { label: "Edit", onSelect: () => chosen.push("edit") },
          { label: "Delete", destructive: true, onSelect: () => chosen.push("delete") },
        ]}
      />
      <p>Elsewhere</p>
    </>,
  );
  const button = screen.getByRole("button", { name: 'Actions for "Pay rent"' });
  return { chosen, button };
}

describe("a row's menu button", () => {
  it("is a closed menu button until used", () => {
    const { button } = renderMenu();

    expect([
      button.getAttribute("aria-haspopup"),
      button.getAttribute("aria-expanded"),
      screen.queryByRole("menu"),
    ]).toEqual(["menu", "false", null]);
  });

  it("opens from the keyboard on its first item; the arrows move and wrap around", async () => {
    const user = userEvent.setup();
    const { button } = renderMenu();
    button.focus();

    await user.keyboard("{Enter}");
    const opened = [button.getAttribute("aria-expanded"), document.activeElement?.textContent];
    await user.keyboard("{ArrowDown}");
    const second = document.activeElement?.textContent;
    await user.keyboard("{ArrowDown}");

    expect([...opened, second, document.activeElement?.textContent]).toEqual([
      "true",
      "Edit",
      "Delete",
      "Edit",
    ]);
  });

  it("closes with Escape and gives focus back to the button", async () => {
    const user = userEvent.setup();
    const { button, chosen } = renderMenu();
    await user.click(button);

    await user.keyboard("{Escape}");

    expect([screen.queryByRole("menu"), document.activeElement, chosen]).toEqual([
      null,
      button,
      [],
    ]);
  });

  it("does what the chosen item says, once, and closes", async () => {
    const user = userEvent.setup();
    const { button, chosen } = renderMenu();
    await user.click(button);

    await user.click(screen.getByRole("menuitem", { name: "Delete" }));

    expect([chosen, screen.queryByRole("menu"), button.getAttribute("aria-expanded")]).toEqual([
      ["delete"],
      null,
      "false",
    ]);
  });

  it("closes when the page is clicked elsewhere, doing nothing", async () => {
    const user = userEvent.setup();
    const { button, chosen } = renderMenu();
    await user.click(button);

    await user.click(screen.getByText("Elsewhere"));

    expect([screen.queryByRole("menu"), chosen]).toEqual([null, []]);
  });
});
