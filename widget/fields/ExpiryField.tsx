import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { expiryProblem, formatExpiry } from '../validation/expiry';
import { focusNextField } from './focusNext';

/**
 * Expiration date as `MM / YY`: the month is completed and the separator inserted as the
 * recipient types (`5` → `05 / `); a complete, valid date moves focus on to the address.
 */
export function ExpiryField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  return (
    <TextField
      id="expiration"
      label={t('fields.expiration.label')}
      placeholder={t('fields.expiration.placeholder')}
      value={values.expiration}
      error={errors.expiration}
      autocomplete="cc-exp"
      inputMode="numeric"
      dir="ltr"
      maxLength={7}
      onInput={(typed, input) => {
        const deleting = typed.length < values.expiration.length;
        const formatted = formatExpiry(typed, deleting);
        // Written now (not on the next render) so the caret can follow to the end.
        if (input.value !== formatted) input.value = formatted;
        onChange('expiration', formatted);
        if (formatted.length === 7 && !expiryProblem(formatted))
          focusNextField(input, 'address_line1');
      }}
      onBlur={() => onBlur('expiration')}
    />
  );
}
