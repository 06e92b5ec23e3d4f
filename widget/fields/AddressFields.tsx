import { useContext } from 'preact/hooks';
import { FieldsReadOnly } from './readOnly';
import { FieldError, TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import { US_STATES } from '../../protocol/usStates';
import { formatZipCode } from '../validation/zipCode';

/** Billing address: two lines, city, state (US states, DC, territories) and ZIP code. */
export function AddressFields({ values, errors, onChange, onBlur }: FieldGroupProps) {
  const { t } = useWidget();
  const readOnly = useContext(FieldsReadOnly);
  const stateError = errors.state;
  return (
    <fieldset class="field-group">
      <legend>{t('account_entry.address_legend')}</legend>
      <TextField
        id="address_line1"
        label={t('fields.address_line1.label')}
        value={values.address_line1}
        error={errors.address_line1}
        autocomplete="billing address-line1"
        maxLength={150}
        onInput={(value) => onChange('address_line1', value)}
        onBlur={() => onBlur('address_line1')}
      />
      <TextField
        id="address_line2"
        label={t('fields.address_line2.label')}
        value={values.address_line2}
        error={errors.address_line2}
        autocomplete="billing address-line2"
        maxLength={150}
        optional
        onInput={(value) => onChange('address_line2', value)}
        onBlur={() => onBlur('address_line2')}
      />
      <TextField
        id="city"
        label={t('fields.city.label')}
        value={values.city}
        error={errors.city}
        autocomplete="billing address-level2"
        maxLength={150}
        onInput={(value) => onChange('city', value)}
        onBlur={() => onBlur('city')}
      />
      <div class="field-row">
        <div class={stateError ? 'field field-invalid' : 'field'}>
          <label for="state">{t('fields.state.label')}</label>
          <select
            id="state"
            name="state"
            value={values.state}
            autocomplete="billing address-level1"
            required
            aria-required="true"
            aria-invalid={stateError ? 'true' : undefined}
            aria-describedby={stateError ? 'state-error' : undefined}
            disabled={readOnly}
            onChange={(event) =>
              onChange('state', (event.currentTarget as HTMLSelectElement).value)
            }
            onBlur={() => onBlur('state')}
          >
            <option value="">{t('fields.state.placeholder')}</option>
            {/* English proper nouns with their postal code, as written on US mail (no
                locale data names US states); `lang` for screen readers, `dir` keeps the
                code's parentheses in place on right-to-left pages. One string, so each
                option is one text node, not four: the 56 options are the bulk of the form's
                DOM, all of it created before READY. */}
            {US_STATES.map(([code, name]) => (
              <option key={code} value={code} lang="en-US" dir="ltr">
                {`${name} (${code})`}
              </option>
            ))}
          </select>
          {stateError ? <FieldError id="state-error" message={t(stateError)} /> : null}
        </div>
        <TextField
          id="zip_code"
          label={t('fields.zip_code.label')}
          value={values.zip_code}
          error={errors.zip_code}
          autocomplete="billing postal-code"
          inputMode="numeric"
          dir="ltr"
          maxLength={10}
          onInput={(typed, input) => {
            const zipCode = formatZipCode(typed);
            // Written here as well: when formatting drops a stray character the state does not
            // change, so no re-render would correct what the field shows.
            if (input.value !== zipCode) input.value = zipCode;
            onChange('zip_code', zipCode);
          }}
          onBlur={() => onBlur('zip_code')}
        />
      </div>
    </fieldset>
  );
}
