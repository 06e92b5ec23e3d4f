import type { FundingDestination, MaskedAccount } from '../../protocol';
import { MaskedAccountText, accountInstitution } from '../ui/MaskedAccountText';
import { ActionButton } from '../ui/ActionButton';
import { LeaveFlowButtons } from '../ui/LeaveFlowButtons';
import { PageFrame } from '../ui/PageFrame';
import { useWidget } from '../ui/WidgetContext';

/** Props of {@link ConfirmationPage}. */
export interface ConfirmationPageProps {
  destination: FundingDestination;
  account: MaskedAccount;
  /** More than one destination is enabled. */
  canChangeMethod: boolean;
  onConfirm(): void;
  onCancel(): void;
  onUseDifferentMethod(): void;
  focusHeading?: boolean;
}

/** The verified account, masked, with Confirm, Cancel and "use a different method". */
export function ConfirmationPage(props: ConfirmationPageProps) {
  const { t } = useWidget();
  const { account } = props;
  return (
    <PageFrame
      page="confirmation"
      heading={t('confirmation.heading')}
      focusHeading={props.focusHeading}
    >
      <p>{t('confirmation.body')}</p>
      <dl class="summary">
        <div>
          <dt>{t('confirmation.method_label')}</dt>
          <dd>{t(`destination.${props.destination}`)}</dd>
        </div>
        <div>
          <dt>{t('confirmation.account_label')}</dt>
          <dd>
            {accountInstitution(account, t)} <MaskedAccountText account={account} />
          </dd>
        </div>
        {account.account_type ? (
          <div>
            <dt>{t('confirmation.account_type_label')}</dt>
            <dd>{t(`account.${account.account_type}`)}</dd>
          </div>
        ) : null}
      </dl>
      <LeaveFlowButtons
        page="confirmation"
        canChangeMethod={props.canChangeMethod}
        onUseDifferentMethod={props.onUseDifferentMethod}
        onCancel={props.onCancel}
      >
        <ActionButton action="confirm" variant="primary" onClick={props.onConfirm}>
          {t('confirmation.confirm')}
        </ActionButton>
      </LeaveFlowButtons>
    </PageFrame>
  );
}
