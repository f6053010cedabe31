// A language picked on the sign-in page is an explicit choice: it is saved to the profile after sign-in instead of
// being overridden by it.
const KEY = 'rabta.localeChosen';

export function markExplicitLocaleChoice(): void {
  try {
    window.sessionStorage.setItem(KEY, '1');
  } catch {
    // ignore
  }
}

export function takeExplicitLocaleChoice(): boolean {
  try {
    const v = window.sessionStorage.getItem(KEY) === '1';
    window.sessionStorage.removeItem(KEY);
    return v;
  } catch {
    return false;
  }
}
