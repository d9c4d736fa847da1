import type { Ref } from 'react';
import { PLAIN_TEXT_INPUT } from '../../account/FormParts.js';
import { Button, TextField, VisuallyHidden } from '../../design/index.js';
import { fieldId, type ServiceDraft, type ServiceField } from './hotline-form.js';

/** One crisis line in the editor: what it is, how to reach it, when, and where it was checked. */
export function ServiceFieldset({
  index,
  service,
  errors,
  canRemove,
  nameRef,
  onChange,
  onRemove,
}: {
  index: number;
  service: ServiceDraft;
  errors: Partial<Record<string, string>>;
  canRemove: boolean;
  nameRef?: Ref<HTMLInputElement>;
  onChange(field: ServiceField, value: string): void;
  onRemove(): void;
}) {
  const key = (field: ServiceField) => `services.${index}.${field}`;
  const props = (field: ServiceField) => ({
    id: fieldId(key(field)),
    value: service[field],
    error: errors[key(field)],
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
  });
  const title = service.name.trim() || 'New service';
  const urlInput = { type: 'url', inputMode: 'url', ...PLAIN_TEXT_INPUT } as const;
  const optional = '(optional)';

  return (
    <fieldset className="hotline-service">
      <legend className="hotline-service__legend">
        Service {index + 1}: {title}
      </legend>
      <TextField label="Name" autoComplete="off" ref={nameRef} {...props('name')} />
      <TextField
        label="Description"
        hint="One short line, shown under the name."
        autoComplete="off"
        {...props('description')}
      />
      <TextField
        label="Who it is for"
        labelNote={optional}
        hint="Only when the line is for some people, for example “under 26s”."
        autoComplete="off"
        {...props('audience')}
      />
      <fieldset className="hotline-service__reach">
        <legend className="hotline-service__sublegend">How to reach it</legend>
        <p className="field__hint hotline-service__reach-hint">
          At least one of a phone number, a text number or a chat address.
        </p>
        <TextField
          label="Phone number"
          labelNote={optional}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...props('phone')}
        />
        <TextField
          label="Text number"
          labelNote={optional}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          {...props('smsNumber')}
        />
        <TextField
          label="Texting instructions"
          labelNote={optional}
          hint="For example “Text SHOUT to 85258”."
          autoComplete="off"
          {...props('smsInstructions')}
        />
        <TextField
          label="Chat address"
          labelNote={optional}
          hint="An https:// address."
          {...urlInput}
          {...props('chatUrl')}
        />
      </fieldset>
      <TextField
        label="Hours"
        hint="As the service publishes them, for example “24/7” or “Daily 16:00–21:00 local time”."
        autoComplete="off"
        {...props('hours')}
      />
      <TextField
        label="Languages"
        labelNote={optional}
        hint="Language tags separated by commas, for example “en, cy”."
        {...PLAIN_TEXT_INPUT}
        {...props('languages')}
      />
      <TextField
        label="Web address"
        hint="The service’s own site, or the official page about it."
        {...urlInput}
        {...props('url')}
      />
      <TextField
        label="Source address"
        hint="The page that confirms the number, hours and address."
        {...urlInput}
        {...props('sourceUrl')}
      />
      <TextField
        label="Date checked"
        hint="When you checked these details against the source."
        type="date"
        {...props('checkedOn')}
      />
      {canRemove ? (
        <div className="form-actions hotline-service__actions">
          <Button variant="secondary" onClick={onRemove}>
            Remove this service<VisuallyHidden> ({title})</VisuallyHidden>
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
