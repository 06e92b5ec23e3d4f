import { showFormattedKeepingCaret } from './caret';
import { TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { CardBrandIcon, NAMED_CARD_BRANDS } from '../ui/CardBrandIcon';
import { useWidget } from '../ui/WidgetContext';
import { cardBrandOf } from '../../protocol/accountNumbers';
import { cardNumberProblem, formatCardNumber } from '../validation/card';
import { digitsOnly } from '../validation/digits';
import { focusNextField } from './focusNext';

/** Digits of a complete number: Amex 15, the others 16 (longer ones are rare). */
const COMPLETE_LENGTH = (brand: string) => (brand === 'amex' ? 15 : 16);

/**
 * Card number, spaced as printed while typed, with the accepted brands listed and the
 * detected brand's card face inside the field. Holds digits only; Arabic-Indic and Persian
 * digits are folded to ASCII. `dir="ltr"` keeps the groups in order inside right-to-left
 * pages. The caret stays after the digit it followed when spaces move (editing in the
 * middle); a complete, valid number moves focus on to the expiry.
 */
export function CardNumberField({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  const brand = cardBrandOf(values.card_number);
  const hint =
    values.card_number.length > 0 && brand !== 'unknown'
      ? t('fields.card_number.brand', { brand: t(`brand.${brand}`) })
      : t('fields.card_number.accepted', {
          // Each name isolated (FSI … PDI): Latin names keep their order in Arabic or Persian.
          brands: NAMED_CARD_BRANDS.map((name) => `\u2068${t(`brand.${name}`)}\u2069`),
        });
  return (
    <TextField
      id="card_number"
      label={t('fields.card_number.label')}
      value={formatCardNumber(values.card_number)}
      error={errors.card_number}
      hint={hint}
      adornment={
        <span class="input-adornment" aria-hidden="true">
          {values.card_number.length > 0 && brand !== 'unknown' ? (
            <CardBrandIcon brand={brand} />
          ) : (
            NAMED_CARD_BRANDS.map((name) => <CardBrandIcon key={name} brand={name} />)
          )}
        </span>
      }
      autocomplete="cc-number"
      inputMode="numeric"
      dir="ltr"
      maxLength={23}
      onInput={(typed, input) => {
        const digits = digitsOnly(typed).slice(0, 19);
        showFormattedKeepingCaret(input, typed, formatCardNumber(digits));
        onChange('card_number', digits);
        const atEnd = input.selectionStart === input.value.length;
        if (
          atEnd &&
          digits.length === COMPLETE_LENGTH(cardBrandOf(digits)) &&
          !cardNumberProblem(digits)
        )
          focusNextField(input, 'expiration');
      }}
      onBlur={() => onBlur('card_number')}
    />
  );
}
