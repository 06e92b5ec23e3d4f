/**
 * What READY shows, as one lazily loaded chunk (see `flowPagesLoader.ts`): the account form
 * with its fields, validation, state list and method picker, and the language switcher. The
 * pages after it are a chunk of their own, downloaded after READY (`laterPagesLoader.ts`).
 */
export { AccountEntryPage } from './AccountEntryPage';
export { LanguageSwitcher } from '../ui/LanguageSwitcher';

/**
 * Imports the pages after account entry. The import lives in this chunk, not the entry, so the
 * bundler knows everything this chunk holds (action row, buttons, icons) is already loaded when
 * they arrive, and ships them once, here, instead of as a third shared chunk on READY's path.
 */
export const importLaterPages = () => import('./laterPages');
