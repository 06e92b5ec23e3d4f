import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { asksSurnameFirst } from '../i18n/nameOrder';

/**
 * First and last name, as on the card or on the bank account. Card flows use the
 * `cc-given-name` / `cc-family-name` tokens so browsers fill the cardholder, not the user.
 * Languages that write the family name first get it first (see `asksSurnameFirst`).
 */
export function NameFields({
  values,
  errors,
  onChange,
  onBlur,
  card,
  legend,
}: FieldGroupProps & { card: boolean; legend: string }) {
  const { t, locale } = useWidget();
  const order = asksSurnameFirst(locale)
    ? (['last_name', 'first_name'] as const)
    : (['first_name', 'last_name'] as const);
  return (
    <fieldset class="field-group">
      <legend>{legend}</legend>
      <div class="field-row">
        {order.map((field) => (
          <TextField
            key={field}
            id={field}
            label={t(`fields.${field}.label`)}
            value={values[field]}
            error={errors[field]}
            autocomplete={`${card ? 'cc-' : ''}${field === 'first_name' ? 'given' : 'family'}-name`}
            maxLength={150}
            onInput={(value) => onChange(field, value)}
            onBlur={() => onBlur(field)}
          />
        ))}
      </div>
    </fieldset>
  );
}
