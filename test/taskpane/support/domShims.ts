/**
 * jsdom lacks a few browser APIs Fluent UI v9 calls while rendering (media queries for motion, resize
 * observers for overflow and positioning). These minimal stand-ins answer "no match" and "never resizes",
 * which is what a headless test page would report anyway.
 */
export function installDomShims(): void {
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }),
    });
  }
  if (!("ResizeObserver" in window)) {
    class NoResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.defineProperty(window, "ResizeObserver", { writable: true, value: NoResizeObserver });
    Object.defineProperty(globalThis, "ResizeObserver", { writable: true, value: NoResizeObserver });
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => undefined;
}
