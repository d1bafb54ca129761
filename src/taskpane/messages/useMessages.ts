import { useContext } from "react";
import { messageContext, type MessageApi } from "./messageContext";

/** The message bar's API, for steps that report failures or outcomes. */
export function useMessages(): MessageApi {
  const api = useContext(messageContext);
  if (!api) throw new Error("useMessages: no message bar provider above this component");
  return api;
}
