import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { bankNameOf } from '../../protocol/bankDirectory';
import { digitsOnly } from '../validation/digits';
import { isRoutingNumberValid } from '../../protocol/accountNumbers';

/** Nine-digit ABA routing number; once it passes the checksum, the bank's name is shown. */
export function RoutingNumberField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  const bank = isRoutingNumberValid(values.routing_number)
    ? bankNameOf(values.routing_number)
    : undefined;
  return (
    <TextField
      id="routing_number"
      label={t('fields.routing_number.label')}
      value={values.routing_number}
      error={errors.routing_number}
      hint={bank ? t('fields.routing_number.bank', { bank }) : undefined}
      autocomplete="off"
      inputMode="numeric"
      dir="ltr"
      maxLength={9}
      onInput={(typed) => onChange('routing_number', digitsOnly(typed).slice(0, 9))}
      onBlur={() => onBlur('routing_number')}
    />
  );
}
