import { useContext } from 'preact/hooks';
import { FieldsReadOnly } from './readOnly';
import { FieldError } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';

/** Checking or savings, as a radio group with a legend. */
export function AccountTypeField({ values, errors, onChange }: FieldGroupProps) {
  const { t } = useWidget();
  const readOnly = useContext(FieldsReadOnly);
  const error = errors.account_type;
  return (
    <fieldset
      class={error ? 'field-group radio-group field-invalid' : 'field-group radio-group'}
      aria-describedby={error ? 'account_type-error' : undefined}
    >
      <legend>{t('fields.account_type.legend')}</legend>
      {(['checking', 'savings'] as const).map((type) => (
        <label key={type} class="radio">
          <input
            type="radio"
            name="account_type"
            value={type}
            checked={values.account_type === type}
            aria-invalid={error ? 'true' : undefined}
            disabled={readOnly}
            onChange={() => onChange('account_type', type)}
          />
          {t(`fields.account_type.${type}`)}
        </label>
      ))}
      {error ? <FieldError id="account_type-error" message={t(error)} /> : null}
    </fieldset>
  );
}
