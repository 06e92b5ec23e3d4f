import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { useWidget } from '../ui/WidgetContext';
import { FieldsReadOnly } from './readOnly';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  /** The typed value, and the input itself for fields that reformat as typed (caret). */
  onInput(value: string, input: HTMLInputElement): void;
  onBlur?(): void;
  /** i18n key of the current problem, if any. */
  error?: string | undefined;
  /** Extra text under the field (hint, detected brand or bank), tied by `aria-describedby`. */
  hint?: ComponentChildren;
  autocomplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  /**
   * `ltr` for numbers, so card and account digits never mirror in RTL locales. Default
   * `auto`: a US address typed in Latin inside an Arabic page reads "123 Main St", not
   * "Main St 123", and an Arabic name still reads right to left.
   */
  dir?: 'ltr' | 'auto';
  /** Shown inside the input's box at its end (the card brand). */
  adornment?: ComponentChildren;
  /** Called once the value is complete, so focus can move to the next field. */
  inputRef?: (input: HTMLInputElement | null) => void;
  type?: 'text' | 'email' | 'tel';
  maxLength?: number;
  /**
   * Not required on its own. `'one_of'`: one of a group is required, which the group's legend
   * says, so no "(optional)" is shown (PayPal's email or mobile number).
   */
  optional?: boolean | 'one_of';
  placeholder?: string;
}

/**
 * A labelled text input with its hint and error tied by `aria-describedby`, `aria-invalid`
 * when wrong, and an error that says what to do in words and with an icon (never colour
 * alone, WCAG 1.4.1).
 */
export function TextField(props: TextFieldProps) {
  const { t } = useWidget();
  const readOnly = useContext(FieldsReadOnly);
  const optionalMarker = t('common.optional');
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>
        {props.label}
        {props.optional === true ? (
          // Full-width brackets (Japanese （任意）, Chinese （选填）) carry their own spacing.
          <span class="optional">
            {optionalMarker.startsWith('\uff08') ? '' : ' '}
            {optionalMarker}
          </span>
        ) : null}
      </label>
      <div class={props.adornment ? 'input-box has-adornment' : 'input-box'}>
        <input
          id={props.id}
          ref={props.inputRef}
          readOnly={readOnly}
          name={props.id}
          type={props.type ?? 'text'}
          value={props.value}
          autocomplete={props.autocomplete}
          inputMode={props.inputMode}
          dir={props.dir ?? 'auto'}
          maxLength={props.maxLength}
          placeholder={props.placeholder}
          required={!props.optional}
          aria-required={props.optional ? undefined : 'true'}
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={describedBy || undefined}
          spellcheck={false}
          onInput={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            props.onInput(input.value, input);
          }}
          onBlur={props.onBlur}
        />
        {props.adornment}
      </div>
      {props.hint ? (
        <p id={hintId} class="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? <FieldError id={errorId} message={t(props.error)} /> : null}
    </div>
  );
}

/** An inline error: an icon and text, so it is not conveyed by colour alone. */
export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} class="field-error">
      <span class="field-error-icon" aria-hidden="true">
        !
      </span>
      {message}
    </p>
  );
}
