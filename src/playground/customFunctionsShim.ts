/**
 * The slice of Excel's `CustomFunctions` global that the WSF functions layer uses, for hosts other than Excel
 * (the playground page, node tests): `Error`, `ErrorCode` and a no-op `associate` (the metadata plugin adds
 * `CustomFunctions.associate(...)` calls to functions.ts, which run when the module loads).
 *
 * The codes are Excel's own error strings, so a shim error reads exactly like the cell Excel would show.
 */
export const shimErrorCodes = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** The codes whose errors Excel shows with a custom message; every other code shows none (excel-behaviour.md item 2). */
const codesWithMessage: ReadonlySet<string> = new Set([shimErrorCodes.invalidValue, shimErrorCodes.notAvailable]);

/**
 * The error a WSF function throws (or puts in a spilled cell) outside Excel. Like Excel, it keeps a message
 * only on `#VALUE!` and `#N/A`: a `#DIV/0!` or `#NUM!` built with a message shows none (its `message` is the
 * code itself), so the playground and the tests never show a reason Excel would drop.
 */
export class ShimCustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message !== undefined && codesWithMessage.has(code) ? message : code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/**
 * Installs the shim on `globalThis` unless a real `CustomFunctions` runtime is already there (Excel's shared
 * runtime). Safe to call more than once. Returns the object now in place.
 */
export function installCustomFunctionsShim(): typeof CustomFunctions {
  const host = globalThis as unknown as { CustomFunctions?: typeof CustomFunctions };
  if (!host.CustomFunctions) {
    host.CustomFunctions = {
      Error: ShimCustomFunctionError,
      ErrorCode: shimErrorCodes,
      associate: () => undefined,
    } as unknown as typeof CustomFunctions;
  }
  return host.CustomFunctions;
}

installCustomFunctionsShim();
