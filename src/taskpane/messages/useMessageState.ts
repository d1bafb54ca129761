import { useCallback, useEffect, useMemo, useState } from "react";
import { describeError } from "./describeError";
import type { Message } from "./Message";
import type { MessageApi } from "./messageContext";

/** How long a success or info notice stays: long enough to read two lines, then it goes by itself. */
export const NOTICE_MS = 6000;

/** Errors and warnings stay until dealt with (dismissed, or withdrawn by the step once fixed); the rest go by themselves. */
export function staysUntilDealtWith(message: Message): boolean {
  return message.intent === "error" || message.intent === "warning";
}

/**
 * Holds the single current notice; a new notice replaces the old one (one place to look). A success or info
 * notice clears itself after `NOTICE_MS`; an error or warning stays until dismissed or replaced.
 */
export function useMessageState(): { message: Message | null; api: MessageApi } {
  const [message, setMessage] = useState<Message | null>(null);
  const show = useCallback((next: Message) => setMessage(next), []);
  const clear = useCallback(() => setMessage(null), []);
  const showError = useCallback(
    (title: string, error: unknown, nextStep?: string) => setMessage({ intent: "error", title, text: describeError(error, nextStep) }),
    [],
  );
  const dismiss = useCallback((title: string) => setMessage((current) => (current?.title === title ? null : current)), []);
  useEffect(() => {
    if (message === null || staysUntilDealtWith(message)) return;
    const timer = setTimeout(() => setMessage((current) => (current === message ? null : current)), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  const api = useMemo(() => ({ show, showError, clear, dismiss }), [show, showError, clear, dismiss]);
  return { message, api };
}
