/**
 * Says in words why HyperFormula could not read a formula, instead of its parser's text ("Parsing error.
 * Expecting token of type --> RParen <-- but found --> '' <--"). Messages that are not parsing errors (a WSF
 * function's own message, "Function name FOO not recognized.") come back unchanged.
 *
 * The cause is found in the formula text itself (parentheses and quotation marks counted outside string
 * literals), and the parser's message only decides between the remaining cases, so a parser upgrade that
 * rewords its messages still gets a sentence, at worst the general one.
 *
 * Cost O(formula length).
 *
 * @param message the error's message as HyperFormula gives it.
 * @param formula the cell's formula text (with "="), when known.
 * @example parseErrorInWords("Parsing error. Expecting token of type --> RParen <-- but found --> '' <--", "=SUM(1,2")
 *   // "This formula cannot be read: a closing parenthesis is missing."
 */
export function parseErrorInWords(message: string, formula: unknown): string {
  if (!/^Parsing error/i.test(message)) return message;
  const text = typeof formula === "string" ? formula : "";
  return `This formula cannot be read: ${cause(message, text)}.`;
}

function cause(message: string, formula: string): string {
  let open = 0;
  let close = 0;
  let inString = false;
  let strayQuote = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      // "" inside a string is an escaped quotation mark.
      if (inString && formula[i + 1] === '"') i++;
      else inString = !inString;
    } else if (!inString) {
      if (ch === "(") open++;
      else if (ch === ")") close++;
      else if (ch === "'") strayQuote = !strayQuote;
    }
  }
  if (inString) return "a closing quotation mark (\") is missing";
  if (open > close) return open - close === 1 ? "a closing parenthesis is missing" : `${open - close} closing parentheses are missing`;
  if (close > open) return close - open === 1 ? "there is a closing parenthesis without an opening one" : `there are ${close - open} closing parentheses without opening ones`;
  if (/found --> ';' <--/.test(message) || /found: ;/.test(message)) return "arguments are separated by commas (,), not semicolons (;)";
  const body = formula.replace(/^=/, "").trim();
  if (body === "") return "there is nothing after the equals sign";
  if (/[-+*/^&=<>,(]\s*$/.test(body)) return `it ends with "${body.slice(-1)}": something is missing after it`;
  if (strayQuote) return "a sheet name opened with ' is not closed with '";
  const extra = /expecting EOF but found: (.+)$/m.exec(message);
  if (extra) return `"${extra[1].trim()}" follows a complete formula: an operator (+, -, *, /) or a comma may be missing before it`;
  const unexpected = /unexpected character: ->(.)<-/.exec(message);
  if (unexpected) return `the character "${unexpected[1]}" has no meaning here`;
  return "check for a missing operator, comma, parenthesis or quotation mark";
}
