import { useState, type FormEvent } from 'react';
import { createPostRequestSchema, MOODS } from '../../shared/api/community.js';
import { errorsFromApi, noErrors, showErrors, validate, type FormErrors } from '../account/forms.js';
import type { CreatePostInput } from '../api/community.js';
import { Alert, Button, ChoiceChips, TextAreaField, TextField, useDisclosure } from '../design/index.js';
import { AnonymousSwitch } from './AnonymousSwitch.js';
import { FormattingHint } from './FormattingHint.js';
import { MOOD_OPTIONS, WARNING_TOPIC_OPTIONS } from './labels.js';
import { MarkdownPreview } from './MarkdownPreview.js';

type Field = 'title' | 'body' | 'contentWarning';
const ORDER: Field[] = ['title', 'body', 'contentWarning'];
const LABELS: Record<Field, string> = { title: 'Title', body: 'Your post', contentWarning: 'Content warning' };
const IDS: Record<Field, string> = { title: 'post-title', body: 'post-body', contentWarning: 'post-warning' };
const NO_MOOD = 'none';

export interface PostFormValues {
  title: string;
  body: string;
  anonymous: boolean;
  contentWarning: string;
  contentWarningTopics: string[];
  mood: string;
}

/**
 * Writing a post, new or edited: title, body with a preview, an optional
 * content warning and mood, and (for a new post) "Post anonymously".
 * `onSubmit` may throw an ApiError: it is shown beside its field.
 */
export function PostForm({
  initial,
  anonymity,
  submitLabel,
  busyLabel,
  onSubmit,
}: {
  initial: PostFormValues;
  /** Shown for a new post only: an existing post keeps how it was posted. */
  anonymity: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit(input: CreatePostInput): Promise<unknown>;
}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<Field>>(noErrors);
  const [busy, setBusy] = useState(false);
  const preview = useDisclosure(false);
  const set = <K extends keyof PostFormValues>(field: K, value: PostFormValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const mood = MOODS.find((candidate) => candidate === values.mood) ?? null;
    const input: CreatePostInput = {
      title: values.title,
      body: values.body,
      contentWarning: values.contentWarning.trim() || null,
      contentWarningTopics: values.contentWarningTopics,
      mood,
      ...(anonymity ? { anonymous: values.anonymous } : {}),
    };
    const checked = validate(createPostRequestSchema, input, LABELS, {
      title: 'Please give your post a title.',
      body: 'Please write your post first.',
    });
    if (!checked.ok) {
      showErrors(setErrors, checked.errors, ORDER, IDS, 'post-form-error');
      return;
    }
    setErrors(noErrors);
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (error) {
      showErrors(setErrors, errorsFromApi(error, LABELS), ORDER, IDS, 'post-form-error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form post-form" onSubmit={(event) => void submit(event)} noValidate>
      {errors.form ? (
        <Alert id="post-form-error" tabIndex={-1} title="We could not share your post.">
          <p>{errors.form}</p>
        </Alert>
      ) : null}
      <TextField
        id={IDS.title}
        label="Title"
        hint="A few words about what is on your mind."
        value={values.title}
        maxLength={160}
        onChange={(event) => set('title', event.target.value)}
        error={errors.fields.title}
      />
      <TextAreaField
        id={IDS.body}
        label="Your post"
        hint={<FormattingHint />}
        rows={8}
        value={values.body}
        onChange={(event) => set('body', event.target.value)}
        error={errors.fields.body}
        after={
          <div className="post-form__preview">
            <Button variant="quiet" {...preview.buttonProps} onClick={preview.toggle}>
              {preview.open ? 'Hide preview' : 'Preview'}
            </Button>
            {preview.open ? (
              <section {...preview.panelProps} className="post-form__preview-panel" aria-label="Preview">
                <p className="post-form__preview-note small muted">
                  A preview of the layout. Links show as plain text here and work once posted.
                </p>
                <MarkdownPreview source={values.body} />
              </section>
            ) : null}
          </div>
        }
      />

      <fieldset className="post-form__group">
        <legend>Content warning (optional)</legend>
        <p className="field__hint">
          If your post talks about something that could be hard to read, add a warning. Others see the warning first,
          and your post stays folded until they choose to read it.
        </p>
        <TextField
          id={IDS.contentWarning}
          label="Warning in your own words"
          labelNote="(optional)"
          value={values.contentWarning}
          maxLength={200}
          onChange={(event) => set('contentWarning', event.target.value)}
          error={errors.fields.contentWarning}
        />
        <ChoiceChips
          className="post-form__chips"
          legend="It mentions"
          legendClassName="field__label"
          name="post-warning-topics"
          options={WARNING_TOPIC_OPTIONS}
          value={values.contentWarningTopics}
          onChange={(topics) => set('contentWarningTopics', topics)}
        />
      </fieldset>

      <ChoiceChips
        className="post-form__group"
        legend="How are you feeling? (optional)"
        name="post-mood"
        type="radio"
        options={[{ value: NO_MOOD, label: 'Prefer not to say' }, ...MOOD_OPTIONS]}
        value={[values.mood || NO_MOOD]}
        onChange={([mood]) => set('mood', mood === NO_MOOD ? '' : (mood ?? ''))}
      />

      {anonymity ? (
        <div className="post-form__group">
          <AnonymousSwitch
            id="post-anonymous"
            label="Post anonymously"
            checked={values.anonymous}
            onChange={(anonymous) => set('anonymous', anonymous)}
          />
        </div>
      ) : null}

      <div className="form-actions">
        <Button type="submit" busy={busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
