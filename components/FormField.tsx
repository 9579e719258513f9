import { type ReactNode, useId } from 'react';

/** A labelled field of the purchase form, its error said beside it and tied to the control. */
export function Field(props: {
  label: string;
  error?: string;
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="pf-field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id, props.error ? errorId : undefined)}
      {props.error && (
        <span id={errorId} className="pf-error" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A text input of the form (`data-field` names the draft's field). */
export function TextField(props: {
  field: string;
  label: string;
  value: string;
  error?: string;
  type?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={props.label} error={props.error}>
      {(id, describedBy) => (
        <input
          id={id}
          type={props.type ?? 'text'}
          value={props.value}
          aria-invalid={Boolean(props.error)}
          aria-describedby={describedBy}
          data-field={props.field}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
