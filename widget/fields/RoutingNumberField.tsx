import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { digitsOnly } from '../validation/digits';
import { useBankName } from './bankName';

/** Nine-digit ABA routing number; once it passes the checksum, the bank's name is shown. */
export function RoutingNumberField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  const bank = useBankName(values.routing_number);
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
