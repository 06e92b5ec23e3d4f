import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { formatExpiry } from '../validation/expiry';

/** Expiration date as `MM/YY`; the slash is inserted as the recipient types. */
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
      maxLength={5}
      onInput={(typed) => onChange('expiration', formatExpiry(typed))}
      onBlur={() => onBlur('expiration')}
    />
  );
}
