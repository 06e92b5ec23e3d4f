import { useState } from 'preact/hooks';
import type { FundingDestination } from '../../protocol';
import { useWidget } from '../ui/WidgetContext';

/** Props of {@link DestinationPicker}. */
export interface DestinationPickerProps {
  destinations: readonly FundingDestination[];
  current: FundingDestination;
  busy: boolean;
  onChoose(destination: FundingDestination): void;
  onDismiss(): void;
}

/**
 * "Use a different method": the program's enabled destinations as a radio group. The page
 * heading names the question while the picker is open.
 */
export function DestinationPicker({
  destinations,
  current,
  busy,
  onChoose,
  onDismiss,
}: DestinationPickerProps) {
  const { t } = useWidget();
  const [choice, setChoice] = useState<FundingDestination>(current);
  return (
    <form
      class="destination-picker"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (choice === current) onDismiss();
        else onChoose(choice);
      }}
    >
      <fieldset class="field-group radio-group">
        <legend>{t('destination.picker_legend')}</legend>
        {destinations.map((destination) => (
          <label key={destination} class="radio">
            <input
              type="radio"
              name="funding_destination"
              value={destination}
              checked={choice === destination}
              onChange={() => setChoice(destination)}
            />
            {t(`destination.${destination}`)}
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('destination.picker_submit')}
        </button>
      </div>
    </form>
  );
}
