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
  const givenName = (
    <TextField
      key="first_name"
      id="first_name"
      label={t('fields.first_name.label')}
      value={values.first_name}
      error={errors.first_name}
      autocomplete={card ? 'cc-given-name' : 'given-name'}
      maxLength={150}
      onInput={(value) => onChange('first_name', value)}
      onBlur={() => onBlur('first_name')}
    />
  );
  const familyName = (
    <TextField
      key="last_name"
      id="last_name"
      label={t('fields.last_name.label')}
      value={values.last_name}
      error={errors.last_name}
      autocomplete={card ? 'cc-family-name' : 'family-name'}
      maxLength={150}
      onInput={(value) => onChange('last_name', value)}
      onBlur={() => onBlur('last_name')}
    />
  );
  return (
    <fieldset class="field-group">
      <legend>{legend}</legend>
      <div class="field-row">
        {asksSurnameFirst(locale) ? [familyName, givenName] : [givenName, familyName]}
      </div>
    </fieldset>
  );
}
