/**
 * Languages whose forms ask for the family name first (CLDR person-name data,
 * `nameOrderLocales` `surnameFirst`: Japanese 姓・名, Korean 성·이름, Chinese 姓·名,
 * Vietnamese Họ·Tên, Khmer នាមត្រកូល·នាមខ្លួន). Asking for the given name first there
 * makes people type their names the wrong way round.
 */
/** True when name fields for `locale` should show the family name first. */
export function asksSurnameFirst(locale: string): boolean {
  return /^(ja|ko|zh|vi|km)-/.test(locale);
}
