import { TextField, type TextFieldProps } from '@mui/material';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslate } from 'react-admin';
import { errorText } from './errors';

type Props<T extends FieldValues, Out> = Omit<TextFieldProps, 'name' | 'value' | 'onChange' | 'onBlur' | 'error'> & {
  name: FieldPath<T>;
  /** The form's control; `Out` is what its resolver turns the values into (domainResolver). */
  control: Control<T, unknown, Out>;
  /** Hears the values the user chooses (not those the form sets). */
  onPick?: (value: string) => void;
};

/**
 * A MUI text field (or select) bound to a react-hook-form field: its error, translated, replaces the helper text
 * (which keeps its line when empty, so the layout does not jump).
 */
export function FormTextField<T extends FieldValues, Out = T>({
  name,
  control,
  helperText,
  onPick,
  ...props
}: Props<T, Out>) {
  const translate = useTranslate();
  const { field, fieldState } = useController({ name, control });
  return (
    <TextField
      {...props}
      name={field.name}
      value={field.value ?? ''}
      onChange={(e) => {
        field.onChange(e);
        onPick?.(e.target.value);
      }}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={!!fieldState.error}
      helperText={errorText(translate, fieldState.error?.message) || helperText || ' '}
    />
  );
}
