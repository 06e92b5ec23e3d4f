/**
 * The recipient's language choice, kept for the rest of the session (PRODUCT.md §6). Each
 * remount is a new document, so the choice lives in `sessionStorage`, keyed by session;
 * storage can be blocked in third-party frames, in which case the choice lasts this mount.
 */
export const languageChoice = {
  get(sessionIdentifier: string): string | null {
    try {
      return window.sessionStorage.getItem(`tokenframe.language.${sessionIdentifier}`);
    } catch {
      return null;
    }
  },
  set(sessionIdentifier: string, locale: string): void {
    try {
      window.sessionStorage.setItem(`tokenframe.language.${sessionIdentifier}`, locale);
    } catch {
      // Blocked storage: the choice still holds until the next mount.
    }
  },
};
