import { fromStoredState, toStoredState, type PlaygroundState, type StoredState } from "./workbookState";

/*
 * The playground's work between page loads: one record in IndexedDB (it takes structured data of any size,
 * where localStorage holds about 5 MB of text, too little for a state's file). The first-screen choice is a
 * small flag in localStorage.
 */

const DB = "wsf-playground";
const STORE = "state";
const KEY = "current";
const WELCOME_KEY = "wsf-playground.welcomeDone";

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
  });
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const request = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB transaction failed"));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB transaction aborted"));
    });
  } finally {
    db.close();
  }
}

/** The saved work, or null when there is none (or it is from an incompatible version, which is then ignored). */
export async function loadState(): Promise<PlaygroundState | null> {
  const value = await withStore("readonly", (store) => store.get(KEY));
  return fromStoredState(value);
}

/** Keeps the work: a captured state (turned into the stored form here) or one already in it (`captureStateInSlices`). */
export async function saveState(state: PlaygroundState | StoredState): Promise<void> {
  const stored = state.format === 2 ? state : toStoredState(state);
  await withStore("readwrite", (store) => store.put(stored, KEY));
}

export async function clearState(): Promise<void> {
  await withStore("readwrite", (store) => store.delete(KEY));
}

export function welcomeDone(): boolean {
  try {
    return localStorage.getItem(WELCOME_KEY) !== null;
  } catch {
    return false;
  }
}

export function rememberWelcomeChoice(choice: string): void {
  try {
    localStorage.setItem(WELCOME_KEY, choice);
  } catch {
    // Storage refused (private mode): the first screen shows again next time, which is harmless.
  }
}
