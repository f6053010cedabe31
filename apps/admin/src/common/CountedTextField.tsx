import { forwardRef, useMemo, useState, type ClipboardEvent, type TextareaHTMLAttributes } from 'react';
import { TextField, type TextFieldProps } from '@mui/material';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { maxLength, useInput, useResourceContext, useTranslate, type InputProps, type Validator } from 'react-admin';
import { useFormatters } from '../i18n/format';
import { errorText } from './errors';
import { FONT_LATIN, FONT_NASKH } from '../theme/theme';
import { mainScript, pasteOutcome } from './counted';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'multiline' | 'minRows' | 'maxRows' | 'rows'> & {
  value: string;
  onValue: (value: string) => void;
  /** The most characters the field takes (the API schema's limit). */
  maxChars: number;
  /** Visible lines: a fixed height, never grown to fit the text. */
  rows?: number;
};

/**
 * A plain textarea for MUI's input slot. MUI's own multiline field is always its auto-sizing textarea, which copies
 * the whole text into a hidden second textarea and measures it on every change: with a long text that is a second
 * full layout per key.
 */
const PlainTextarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { type?: string }>(
  function PlainTextarea({ type: _type, ...props }, ref) {
    return <textarea ref={ref} {...props} />;
  },
);

const fontsFor = (arabic: boolean) => (arabic ? `${FONT_NASKH}, ${FONT_LATIN}` : `${FONT_LATIN}, ${FONT_NASKH}`);

/** Beyond this many characters the browser's spell checker is turned off: it re-reads the whole text on each key. */
const SPELLCHECK_UP_TO = 20_000;

/**
 * A long text field (a source's text, a quoted passage) that stays quick with any amount of text: a fixed number of
 * visible lines instead of MUI's auto-size (which lays out the whole text again, twice, on every key: a 300,000
 * character Urdu paste froze the tab), the count of characters under it as the user types, and a paste that would go
 * beyond the limit refused at once (nothing is inserted; the reason is said). Typing stops at the limit.
 */
export function CountedTextField({
  value,
  onValue,
  maxChars,
  rows = 6,
  helperText,
  error,
  slotProps,
  ...props
}: Props) {
  const translate = useTranslate();
  const fmt = useFormatters();
  const [refused, setRefused] = useState<number | null>(null);
  const length = value.length;
  const over = length > maxChars;

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    const target = e.currentTarget;
    const pasted = e.clipboardData.getData('text/plain');
    const outcome = pasteOutcome({
      length: target.value.length,
      selectionStart: target.selectionStart ?? target.value.length,
      selectionEnd: target.selectionEnd ?? target.value.length,
      pasted: pasted.length,
      maxChars,
    });
    if (outcome.refused) {
      e.preventDefault();
      setRefused(outcome.length);
      return;
    }
    setRefused(null);
    // Inserting lays the text out at once, before React renders again: the font for what is pasted is set first.
    if (pasted.length > target.value.length) target.style.fontFamily = fontsFor(mainScript(pasted) === 'arabic');
  };

  const count = translate('rabta.long_text.count', { count: fmt.number(length), max: fmt.number(maxChars) });
  // What is said under the field, before the count: a refused paste, then the form's own message, then the length.
  const problem =
    refused !== null
      ? translate('rabta.long_text.paste_refused', { length: fmt.number(refused), max: fmt.number(maxChars) })
      : error && helperText
        ? helperText
        : over
          ? translate('rabta.long_text.too_long', { length: fmt.number(length), max: fmt.number(maxChars) })
          : helperText;
  const htmlInput = (slotProps?.htmlInput ?? {}) as Record<string, unknown>;
  // The first font covers the script of most of the text (see mainScript); the other catches the rest.
  const arabic = useMemo(() => mainScript(value), [value]) === 'arabic';
  const fontFamily = fontsFor(arabic);
  return (
    <TextField
      {...props}
      value={value}
      onChange={(e) => {
        setRefused(null);
        onValue(e.target.value);
      }}
      error={!!error || over || refused !== null}
      helperText={
        <span data-testid="char-count" data-length={length} data-refused={refused ?? undefined}>
          {problem ? (
            <>
              {problem} · {count}
            </>
          ) : (
            count
          )}
        </span>
      }
      slotProps={{
        ...slotProps,
        input: { ...(slotProps?.input as object | undefined), inputComponent: PlainTextarea },
        htmlInput: {
          ...htmlInput,
          rows,
          style: {
            ...(htmlInput.style as object | undefined),
            fontFamily,
            lineHeight: arabic ? 1.8 : 1.5,
            height: 'auto',
            resize: 'vertical',
          },
          maxLength: over ? undefined : maxChars,
          spellCheck: length <= SPELLCHECK_UP_TO,
          onPaste,
        },
      }}
    />
  );
}

/** CountedTextField in a react-admin form: the field's own validation message wins over the count's text. */
export function CountedTextInput({
  source,
  maxChars,
  rows,
  validate,
  slotProps,
  fullWidth = true,
  label,
}: Pick<InputProps, 'source' | 'validate'> & {
  maxChars: number;
  rows?: number;
  label?: string;
  fullWidth?: boolean;
  slotProps?: TextFieldProps['slotProps'];
}) {
  const translate = useTranslate();
  const resource = useResourceContext();
  const {
    field,
    fieldState: { error, invalid },
    isRequired,
  } = useInput({ source, validate: [...([validate ?? []].flat() as Validator[]), maxLength(maxChars)] });
  return (
    <CountedTextField
      name={field.name}
      inputRef={field.ref}
      onBlur={field.onBlur}
      value={field.value ?? ''}
      onValue={field.onChange}
      maxChars={maxChars}
      rows={rows}
      fullWidth={fullWidth}
      required={isRequired}
      label={label ?? translate(`resources.${resource}.fields.${source}`)}
      error={invalid}
      helperText={invalid ? errorText(translate, error?.message) : undefined}
      slotProps={slotProps}
      margin="dense"
    />
  );
}

/** CountedTextField bound to a react-hook-form field: its error, translated, comes before the count. */
export function FormCountedTextField<T extends FieldValues, Out = T>({
  name,
  control,
  helperText,
  ...props
}: Omit<Props, 'value' | 'onValue' | 'name'> & { name: FieldPath<T>; control: Control<T, unknown, Out> }) {
  const translate = useTranslate();
  const { field, fieldState } = useController({ name, control });
  return (
    <CountedTextField
      {...props}
      name={field.name}
      value={(field.value as string | undefined) ?? ''}
      onValue={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={!!fieldState.error}
      helperText={errorText(translate, fieldState.error?.message) || helperText}
    />
  );
}
