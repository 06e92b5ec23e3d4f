import { showFormattedKeepingCaret } from './caret';
import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { cardBrandOf } from '../../protocol/accountNumbers';
import { formatCardNumber } from '../validation/card';
import { digitsOnly } from '../validation/digits';

/**
 * Card number, spaced as printed while typed, with the detected brand shown. Holds digits
 * only; Arabic-Indic and Persian digits are folded to ASCII. `dir="ltr"` keeps the groups in
 * order inside right-to-left pages. The caret stays after the digit it followed when spaces
 * move (editing in the middle).
 */
export function CardNumberField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  const brand = cardBrandOf(values.card_number);
  const hint =
    values.card_number.length > 0 && brand !== 'unknown'
      ? t('fields.card_number.brand', { brand: t(`brand.${brand}`) })
      : undefined;
  return (
    <TextField
      id="card_number"
      label={t('fields.card_number.label')}
      value={formatCardNumber(values.card_number)}
      error={errors.card_number}
      hint={hint}
      autocomplete="cc-number"
      inputMode="numeric"
      dir="ltr"
      maxLength={23}
      onInput={(typed, input) => {
        const digits = digitsOnly(typed).slice(0, 19);
        showFormattedKeepingCaret(input, typed, formatCardNumber(digits));
        onChange('card_number', digits);
      }}
      onBlur={() => onBlur('card_number')}
    />
  );
}
