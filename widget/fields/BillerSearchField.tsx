import { useContext, useEffect, useState } from 'preact/hooks';
import { FieldsReadOnly } from './readOnly';
import { FieldError, TextField } from './TextField';
import type { FieldGroupProps } from './types';
import { useWidget } from '../ui/WidgetContext';
import type { Biller } from '../api';
import { digitsOnly } from '../validation/digits';

/** Props of {@link BillerSearchField}. */
export interface BillerSearchFieldProps extends FieldGroupProps {
  searchBillers(query: string, signal: AbortSignal): Promise<Biller[]>;
}

const MIN_QUERY = 2;
const DEBOUNCE_MS = 250;

/**
 * BillPay: search the shipped biller directory, pick one from a radio list (keyboard- and
 * screen-reader-friendly without a combobox script), then the account number at the biller.
 * Each search aborts the one before, so a slow answer cannot overwrite a newer one.
 */
export function BillerSearchField(props: BillerSearchFieldProps) {
  const { values, errors, onChange, onBlur, searchBillers } = props;
  const { t } = useWidget();
  const readOnly = useContext(FieldsReadOnly);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Biller[] | null>(null);

  useEffect(() => {
    if (query.trim().length < MIN_QUERY) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchBillers(query.trim(), controller.signal).then(setResults, () => {
        if (!controller.signal.aborted) setResults([]);
      });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchBillers]);

  const billerError = errors.biller_id;
  const listShown = results !== null && results.length > 0;
  return (
    <fieldset class="field-group">
      <legend>{t('destination.billpay')}</legend>
      <TextField
        id="biller_search"
        label={t('fields.biller_search.label')}
        hint={t('fields.biller_search.hint')}
        value={query}
        autocomplete="off"
        // Without results there is no radio to carry the error: the search box does.
        error={listShown ? undefined : billerError}
        onInput={setQuery}
      />
      <p class="field-hint" role="status">
        {results === null
          ? ''
          : results.length === 0
            ? t('fields.biller_search.no_results')
            : t('fields.biller_search.results', { count: results.length })}
      </p>
      {results && results.length > 0 ? (
        <div class="radio-group" role="radiogroup" aria-labelledby="biller_search-label-list">
          <span id="biller_search-label-list" class="visually-hidden">
            {t('fields.biller_search.label')}
          </span>
          {results.map((biller) => (
            <label key={biller.id} class="radio">
              <input
                type="radio"
                name="biller_id"
                value={biller.id}
                checked={values.biller_id === biller.id}
                disabled={readOnly}
                aria-describedby={billerError ? 'biller_id-error' : undefined}
                onChange={() => {
                  onChange('biller_id', biller.id);
                  onChange('biller_name', biller.name);
                }}
              />
              {biller.name}
            </label>
          ))}
        </div>
      ) : null}
      {values.biller_id ? (
        <p class="field-hint">
          {t('fields.biller_search.selected', { biller: values.biller_name })}
        </p>
      ) : null}
      {billerError && listShown ? (
        <FieldError id="biller_id-error" message={t(billerError)} />
      ) : null}
      <TextField
        id="biller_account_number"
        label={t('fields.biller_account_number.label')}
        value={values.biller_account_number}
        error={errors.biller_account_number}
        autocomplete="off"
        inputMode="numeric"
        dir="ltr"
        maxLength={40}
        // Digits as on the bill, typed on any keyboard: Arabic-Indic and Persian folded.
        onInput={(value) => onChange('biller_account_number', digitsOnly(value))}
        onBlur={() => onBlur('biller_account_number')}
      />
    </fieldset>
  );
}
