import { useEffect } from 'react';
import { sourceLanguageOf } from './newSource';

/** The two form methods the hook needs (react-hook-form's, of a form with a `language` field). */
interface LanguageForm {
  getValues(name: 'language'): unknown;
  setValue(name: 'language', value: string, options?: { shouldDirty?: boolean }): void;
}

/**
 * While `follow` holds (the user has not picked a language), a source form's language follows the script of its
 * title and text (sourceLanguageOf); `shouldDirty` marks the form changed when it does.
 */
export function useLanguageFollowsText(
  follow: boolean,
  title: string | undefined,
  text: string | undefined,
  { getValues, setValue }: LanguageForm,
  shouldDirty = false,
): void {
  useEffect(() => {
    if (!follow) return;
    const detected = sourceLanguageOf(title ?? '', text ?? '');
    if (detected && detected !== getValues('language')) setValue('language', detected, { shouldDirty });
  }, [follow, title, text, getValues, setValue, shouldDirty]);
}
