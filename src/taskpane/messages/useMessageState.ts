import { useCallback, useMemo, useState } from "react";
import { describeError } from "./describeError";
import type { Message } from "./Message";
import type { MessageApi } from "./messageContext";

/** Holds the single current notice; a new notice replaces the old one (one place to look). */
export function useMessageState(): { message: Message | null; api: MessageApi } {
  const [message, setMessage] = useState<Message | null>(null);
  const show = useCallback((next: Message) => setMessage(next), []);
  const clear = useCallback(() => setMessage(null), []);
  const showError = useCallback(
    (title: string, error: unknown, nextStep?: string) => setMessage({ intent: "error", title, text: describeError(error, nextStep) }),
    [],
  );
  const dismiss = useCallback((title: string) => setMessage((current) => (current?.title === title ? null : current)), []);
  const api = useMemo(() => ({ show, showError, clear, dismiss }), [show, showError, clear, dismiss]);
  return { message, api };
}
