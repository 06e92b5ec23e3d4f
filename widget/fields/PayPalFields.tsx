import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { digitsOnly } from '../validation/digits';

/** PayPal: the account's email address or mobile number (one is enough). */
export function PayPalFields({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  return (
    <fieldset class="field-group" aria-describedby="paypal-hint">
      <legend>{t('fields.paypal_contact.legend')}</legend>
      <p id="paypal-hint" class="field-hint">
        {t('fields.paypal_contact.hint')}
      </p>
      <TextField
        id="paypal_email"
        type="email"
        label={t('fields.paypal_email.label')}
        value={values.paypal_email}
        error={errors.paypal_email}
        autocomplete="email"
        inputMode="email"
        maxLength={150}
        optional="one_of"
        onInput={(value) => onChange('paypal_email', value)}
        onBlur={() => onBlur('paypal_email')}
      />
      <TextField
        id="paypal_phone"
        type="tel"
        label={t('fields.paypal_phone.label')}
        value={values.paypal_phone}
        error={errors.paypal_phone}
        autocomplete="tel-national"
        inputMode="tel"
        dir="ltr"
        maxLength={14}
        optional="one_of"
        onInput={(value) => onChange('paypal_phone', digitsOnly(value).slice(0, 10))}
        onBlur={() => onBlur('paypal_phone')}
      />
    </fieldset>
  );
}
