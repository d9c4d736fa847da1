import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate } from 'react-router';
import { adminHotlineKeys, deleteHotlineCountry, refreshHotlines, type HotlineList } from '../../api/admin-hotlines.js';
import { ApiError } from '../../api/client.js';
import { Alert, Button, ConfirmPanel } from '../../design/index.js';
import type { CountryDirectory } from '../../../shared/hotlines.js';
import { countryInSentence } from '../../help/country-name.js';
import type { HotlineNoticeState } from './notices.js';

const BUTTON_ID = 'hotline-delete-button';

/** Deleting a country asks first, in the page; "Cancel" puts focus back on the button. */
export function DeleteCountry({ entry }: { entry: CountryDirectory }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { countryCode, countryName } = entry;

  const remove = useMutation({
    mutationFn: async () => {
      try {
        await deleteHotlineCountry(countryCode);
      } catch (error) {
        // Already gone (another admin deleted it): what this admin wanted.
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
    },
    onSuccess: async () => {
      // Away first: this page would otherwise say for a moment that the country is not there.
      const state: HotlineNoticeState = { hotlineNotice: 'deleted', countryCode };
      await navigate('/admin/hotlines', { state });
      queryClient.setQueryData<HotlineList>(adminHotlineKeys.all, (list) =>
        list ? { ...list, countries: list.countries.filter((item) => item.countryCode !== countryCode) } : list,
      );
      void refreshHotlines(queryClient);
    },
  });

  const cancel = () => {
    flushSync(() => {
      setConfirming(false);
      remove.reset();
    });
    document.getElementById(BUTTON_ID)?.focus();
  };

  return (
    <section className="hotline-delete" aria-labelledby="hotline-delete-title">
      <h2 id="hotline-delete-title" className="admin-page__subtitle">
        Delete this country
      </h2>
      <p className="muted">
        Members who choose {countryInSentence(countryName)} will then see only the international directories of
        helplines.
      </p>
      {confirming ? (
        <ConfirmPanel
          title={`Delete ${countryName} from the directory?`}
          confirmLabel={`Delete ${countryName}`}
          busyLabel="Deleting…"
          busy={remove.isPending}
          danger
          onConfirm={() => remove.mutate()}
          onCancel={cancel}
        >
          <p>Its emergency number and all its services go. To bring them back you would add the country again.</p>
          {remove.isError ? (
            <Alert title="We could not delete this country.">
              <p>{remove.error.message}</p>
            </Alert>
          ) : null}
        </ConfirmPanel>
      ) : (
        <Button id={BUTTON_ID} variant="danger" onClick={() => setConfirming(true)}>
          Delete {countryName}…
        </Button>
      )}
    </section>
  );
}
