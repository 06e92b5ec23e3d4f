import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { digitsOnly } from '../validation/digits';

/**
 * Bank account number, typed twice so a slip of one digit is caught before it costs an
 * attempt. `autocomplete="off"`: there is no standard token for it and a wrong autofill
 * here sends money astray.
 */
export function AccountNumberField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  return (
    <>
      <TextField
        id="account_number"
        label={t('fields.account_number.label')}
        value={values.account_number}
        error={errors.account_number}
        autocomplete="off"
        inputMode="numeric"
        dir="ltr"
        maxLength={17}
        onInput={(typed) => onChange('account_number', digitsOnly(typed).slice(0, 17))}
        onBlur={() => onBlur('account_number')}
      />
      <TextField
        id="account_number_confirm"
        label={t('fields.account_number_confirm.label')}
        value={values.account_number_confirm}
        error={errors.account_number_confirm}
        autocomplete="off"
        inputMode="numeric"
        dir="ltr"
        maxLength={17}
        onInput={(typed) => onChange('account_number_confirm', digitsOnly(typed).slice(0, 17))}
        onBlur={() => onBlur('account_number_confirm')}
      />
    </>
  );
}
