import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { TaskDescription } from "./task-description";

const LONG = `${"A sentence that goes on for a while. ".repeat(8)}The end.`;

/** The Markdown is rendered by a part loaded on first use: wait until it has been. */
const rendered = (container: HTMLElement) =>
  waitFor(() => expect(container.querySelector("[data-markdown-pending]")).toBeNull());

describe("a task's description", () => {
  it("renders bold, italics, inline code and list items", async () => {
    const { container } = render(
      <TaskDescription text={"**milk** and _bread_, `code`\n\n- one\n- two"} query={null} />,
    );
    await waitFor(() => expect(container.querySelector("strong")).not.toBeNull());

    expect(container.querySelector("strong")).toHaveTextContent("milk");
    expect(container.querySelector("em")).toHaveTextContent("bread");
    expect(container.querySelector("code")).toHaveTextContent("code");
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual(["one", "two"]);
  });

  it("turns a bare web address into a link that opens in a new tab without an opener", async () => {
    render(<TaskDescription text="See https://example.com/plan for details" query={null} />);

    const link = await screen.findByRole("link", { name: "https://example.com/plan" });
    expect(link).toHaveAttribute("href", "https://example.com/plan");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("keeps a Markdown link to a mail address", async () => {
    render(<TaskDescription text="[Write to Ada](mailto:ada@example.com)" query={null} />);

    expect(await screen.findByRole("link", { name: "Write to Ada" })).toHaveAttribute(
      "href",
      "mailto:ada@example.com",
    );
  });

  it("drops a javascript: link, keeping only its text", async () => {
    const { container } = render(
      <TaskDescription text="[click me](javascript:alert(1))" query={null} />,
    );
    await rendered(container);

    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("click me")).toBeInTheDocument();
  });

  it("never renders raw HTML from the text", async () => {
    const { container } = render(
      <TaskDescription text={'Hi <img src=x onerror="alert(1)"> <b>there</b>'} query={null} />,
    );
    await rendered(container);

    expect(container.querySelector("img, b, script")).toBeNull();
  });

  it("shows an image's Markdown as no image", async () => {
    const { container } = render(
      <TaskDescription text="![tracker](https://example.com/pixel.png)" query={null} />,
    );
    await rendered(container);

    expect(container.querySelector("img")).toBeNull();
  });

  it("collapses a long description behind Show more, and Show less folds it again", async () => {
    const user = userEvent.setup();
    render(<TaskDescription text={LONG} query={null} />);
    const more = screen.getByRole("button", { name: "Show more" });
    expect(more).toHaveAttribute("aria-expanded", "false");

    await user.click(more);
    const less = screen.getByRole("button", { name: "Show less" });
    expect(less).toHaveAttribute("aria-expanded", "true");

    await user.click(less);
    expect(screen.getByRole("button", { name: "Show more" })).toBeInTheDocument();
  });

  it("has no Show more for a short description", () => {
    render(<TaskDescription text="Short and sweet" query={null} />);

    expect(screen.queryByRole("button")).toBeNull();
  });

  it("collapses a description of more than three lines", () => {
    render(<TaskDescription text={"one\ntwo\nthree\nfour"} query={null} />);

    expect(screen.getByRole("button", { name: "Show more" })).toBeInTheDocument();
  });

  it("marks the searched words in the plain text while searching", () => {
    const { container } = render(<TaskDescription text="**Milk** and bread" query="milk" />);

    expect(container.querySelector("mark")).toHaveTextContent("Milk");
    expect(container.querySelector("strong")).toBeNull();
  });

  it("unfolds when a link inside the collapsed part gets keyboard focus", async () => {
    const user = userEvent.setup();
    render(<TaskDescription text={`${LONG} https://example.com/end`} query={null} />);
    await screen.findByRole("link", { name: "https://example.com/end" });

    await user.tab();

    expect(screen.getByRole("link", { name: "https://example.com/end" })).toHaveFocus();
    expect(screen.getByRole("button", { name: "Show less" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  });
});
