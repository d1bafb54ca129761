import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { Message } from "./Message";

/** The one message bar at the top of the pane. Errors are announced assertively by Fluent's MessageBar. */
export function TaskPaneMessageBar({ message, onDismiss }: { message: Message | null; onDismiss: () => void }) {
  if (!message) return null;
  return (
    <MessageBar intent={message.intent} layout="multiline" aria-label={message.title}>
      <MessageBarBody>
        <MessageBarTitle>{message.title}</MessageBarTitle> {message.text}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Dismiss message" onClick={onDismiss}>Dismiss</Button>} />
    </MessageBar>
  );
}
