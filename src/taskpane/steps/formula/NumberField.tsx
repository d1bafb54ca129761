import { Field, Input } from "@fluentui/react-components";

/**
 * A labelled number box whose message (from `specFromDraft`) shows under it as a field error, so a wrong
 * entry is explained where it was typed. `contentAfter` carries the unit ("%", "x").
 */
export function NumberField(props: { label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string; unit?: string; placeholder?: string }) {
  const { label, value, onChange, error, hint, unit, placeholder } = props;
  return (
    <Field label={label} size="small" hint={hint} validationState={error ? "error" : "none"} validationMessage={error}>
      <Input size="small" inputMode="decimal" value={value} placeholder={placeholder} onChange={(_, data) => onChange(data.value)} contentAfter={unit} />
    </Field>
  );
}
