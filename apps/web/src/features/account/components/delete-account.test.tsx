import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ok, stubAuthRoutes, wrongPassword } from "../test/stub-auth-routes";
import { DeleteAccount } from "./delete-account";

const assign = vi.fn();

beforeEach(() => {
  vi.stubGlobal("location", { ...window.location, assign });
});

afterEach(() => {
  vi.unstubAllGlobals();
  assign.mockReset();
});

async function confirm(password: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Delete my account" }));
  await user.type(screen.getByLabelText("Your password"), password);
  await user.click(screen.getByRole("button", { name: "Delete my account for good" }));
}

describe("DeleteAccount", () => {
  it("sends the password, then loads the sign-in page with its notice", async () => {
    const server = stubAuthRoutes({
      "/api/auth/delete-user": ok({ success: true, message: "User deleted" }),
    });
    render(<DeleteAccount />);
    await confirm("correct horse battery");
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/sign-in?notice=account-deleted"));
    expect(server.sentTo("/api/auth/delete-user")[0]?.body).toEqual({
      password: "correct horse battery",
    });
  });

  it("says in words that nothing was deleted when the task service was unreachable", async () => {
    const message =
      "Your account was not deleted: the task service could not be reached. Nothing was removed; please try again later.";
    stubAuthRoutes({
      "/api/auth/delete-user": { status: 503, body: { code: "TASKS_NOT_DELETED", message } },
    });
    render(<DeleteAccount />);
    await confirm("correct horse battery");
    expect(await screen.findByRole("alert")).toHaveTextContent(message);
    expect(assign).not.toHaveBeenCalled();
  });

  it("a wrong password is refused in words", async () => {
    stubAuthRoutes({ "/api/auth/delete-user": wrongPassword });
    render(<DeleteAccount />);
    await confirm("nope");
    expect(await screen.findByRole("alert")).toHaveTextContent("That password is not right.");
  });
});
