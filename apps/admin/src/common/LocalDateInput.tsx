import { useRef, useState, type ReactNode } from 'react';
import { IconButton, InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { FieldTitle, useInput, useResourceContext, useTranslate, type InputProps } from 'react-admin';
import { useAppLocale } from '../i18n/format';
import { errorText } from './errors';
import { formatLocalDate, parseLocalDate } from './localDate';

// Date inputs in the user's language, day first ("13 May 2025", "۱۳ مئی ۲۰۲۵"), instead of the browser's own date
// input, which follows the browser's locale (mm/dd/yyyy in a US Chromium, Latin digits in Urdu). Typing reads day-first
// numbers, month names in either language and ISO dates (localDate.ts); the calendar button opens the browser's
// picker. The value is always an ISO date (YYYY-MM-DD) or empty.

interface FieldProps {
  label?: ReactNode;
  value: string | null | undefined;
  onChange: (iso: string | null) => void;
  onBlur?: () => void;
  name?: string;
  /** A message of the form's (required, server errors); a text that is not a date has its own. */
  error?: string | false;
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  testId?: string;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
  className?: string;
  /** The earliest and latest days the calendar offers (ISO); typing is checked by the form. */
  min?: string;
  max?: string;
}

export function LocalDateField({
  label,
  value,
  onChange,
  onBlur,
  name,
  error,
  helperText,
  required,
  disabled,
  readOnly,
  testId,
  size = 'small',
  fullWidth = true,
  sx,
  className,
  min,
  max,
}: FieldProps) {
  const translate = useTranslate();
  const locale = useAppLocale();
  const iso = value ? String(value).slice(0, 10) : '';
  // What the user is typing; otherwise the value as the user's language writes it.
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const text = draft ?? formatLocalDate(iso, locale);

  /** Reads what was typed; `final` (leaving the field): text that is no date stays, marked. */
  const read = (next: string, final: boolean) => {
    const parsed = parseLocalDate(next);
    if (parsed === undefined) {
      if (final) setInvalid(true);
      return;
    }
    setInvalid(false);
    if (final) setDraft(null);
    if ((parsed ?? '') !== iso) onChange(parsed);
  };

  return (
    <TextField
      name={name}
      label={label}
      value={text}
      required={required}
      disabled={disabled}
      size={size}
      fullWidth={fullWidth}
      sx={sx}
      className={className}
      onChange={(e) => {
        setDraft(e.target.value);
        read(e.target.value, false);
      }}
      onBlur={() => {
        read(text, true);
        onBlur?.();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') read(text, true);
      }}
      error={invalid || !!error}
      helperText={invalid ? translate('rabta.dates.invalid') : error || helperText}
      placeholder={translate('rabta.dates.placeholder')}
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId, 'data-value': iso, readOnly, inputMode: 'text', autoComplete: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                size="small"
                edge="end"
                disabled={disabled || readOnly}
                aria-label={translate('rabta.dates.pick')}
                onClick={() => {
                  const el = picker.current;
                  if (!el) return;
                  el.value = iso;
                  try {
                    el.showPicker();
                  } catch {
                    el.click();
                  }
                }}
              >
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                min={min}
                max={max}
                style={{
                  position: 'absolute',
                  insetInlineEnd: 0,
                  bottom: 0,
                  width: 1,
                  height: 1,
                  opacity: 0,
                  border: 0,
                }}
                onChange={(e) => {
                  setDraft(null);
                  setInvalid(false);
                  onChange(e.target.value || null);
                }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}

/** react-admin's DateInput, in the user's language (see above). */
export function DateInput(
  props: InputProps & {
    label?: string | false;
    helperText?: ReactNode;
    disabled?: boolean;
    readOnly?: boolean;
    className?: string;
    sx?: SxProps<Theme>;
  },
) {
  const { label, helperText, disabled, readOnly, source, className, sx } = props;
  const resource = useResourceContext(props);
  const translate = useTranslate();
  const {
    field,
    fieldState: { error, invalid },
    isRequired,
  } = useInput({
    ...props,
    format: (v: unknown) => (v ? String(v).slice(0, 10) : ''),
    parse: (v: string) => v || null,
  });
  return (
    <LocalDateField
      name={field.name}
      value={field.value as string}
      onChange={(v) => field.onChange(v)}
      onBlur={field.onBlur}
      label={
        label === false ? undefined : (
          <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />
        )
      }
      error={invalid && error?.message ? translate(error.message, { _: error.message }) : false}
      helperText={helperText}
      disabled={disabled}
      readOnly={readOnly}
      fullWidth={false}
      sx={{ minWidth: 190, ...(sx as object) }}
      className={className}
    />
  );
}

/**
 * LocalDateField bound to a react-hook-form field (forms outside react-admin's): its error, translated, replaces the
 * helper text. `onPick` hears the dates the user sets (typed or picked), not those the form sets.
 */
export function FormDateField<T extends FieldValues, Out = T>({
  name,
  control,
  helperText,
  onPick,
  ...props
}: Omit<FieldProps, 'value' | 'onChange' | 'onBlur' | 'name' | 'error'> & {
  name: FieldPath<T>;
  control: Control<T, unknown, Out>;
  onPick?: (iso: string | null) => void;
}) {
  const translate = useTranslate();
  const { field, fieldState } = useController({ name, control });
  return (
    <LocalDateField
      {...props}
      name={field.name}
      value={field.value as string | null}
      onChange={(iso) => {
        field.onChange(iso ?? '');
        onPick?.(iso);
      }}
      onBlur={field.onBlur}
      error={errorText(translate, fieldState.error?.message) || false}
      helperText={helperText ?? ' '}
    />
  );
}
