import { useState } from 'preact/hooks';
import type { FundingDestination } from '../../protocol';
import { ActionButton } from '../ui/ActionButton';
import { ActionErrorSlot } from '../ui/ActionErrorSlot';
import { useActionState } from '../ui/ActionContext';
import { MethodIcon } from '../ui/MethodIcon';
import { useWidget } from '../ui/WidgetContext';

/** Props of {@link DestinationPicker}. */
export interface DestinationPickerProps {
  destinations: readonly FundingDestination[];
  current: FundingDestination;
  onChoose(destination: FundingDestination): void;
  onDismiss(): void;
}

/**
 * "Use a different method": the program's enabled destinations as a radio group, each with
 * its icon, and a Back button to the form as it was. The page heading names the question.
 */
export function DestinationPicker({
  destinations,
  current,
  onChoose,
  onDismiss,
}: DestinationPickerProps) {
  const { t } = useWidget();
  const { pending } = useActionState();
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
      <fieldset class="field-group radio-group method-list">
        <legend>{t('destination.picker_legend')}</legend>
        {destinations.map((destination) => (
          <label key={destination} class="radio method-option">
            <input
              type="radio"
              name="funding_destination"
              value={destination}
              checked={choice === destination}
              onChange={() => setChoice(destination)}
            />
            <MethodIcon destination={destination} />
            {t(`destination.${destination}`)}
          </label>
        ))}
      </fieldset>
      <ActionErrorSlot />
      <div class="actions">
        <ActionButton action="change_destination" variant="primary" type="submit">
          {t('destination.picker_submit')}
        </ActionButton>
        <button
          type="button"
          class="button secondary"
          disabled={pending !== null}
          onClick={onDismiss}
        >
          {t('destination.picker_back')}
        </button>
      </div>
    </form>
  );
}
