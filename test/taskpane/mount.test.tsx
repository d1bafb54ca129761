/** @jest-environment jsdom */
import { act, screen } from "@testing-library/react";
import { mountTaskPane } from "../../src/taskpane/mount";
import { installDomShims } from "./support/domShims";
import { schoolsWorkbook } from "./support/schoolsWorkbook";

describe("mountTaskPane", () => {
  test("mounts the pane against the given port and unmounts it on request", async () => {
    installDomShims();
    const element = document.createElement("div");
    document.body.appendChild(element);
    const port = schoolsWorkbook();
    let unmount: () => void = () => undefined;
    await act(async () => {
      unmount = mountTaskPane(element, port);
    });
    // The pane lists the port's tables on open: the one Excel table "Schools".
    expect(await screen.findByRole("option", { name: "Schools" })).toBeInTheDocument();
    expect(element.querySelector("main")).not.toBeNull();
    act(() => unmount());
    expect(element.childElementCount).toBe(0);
    element.remove();
  });
});
