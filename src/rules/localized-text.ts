import { z } from 'zod';

/** Every text staff may read exists in both languages the product speaks. */
export const LocalizedTextSchema = z.object({ en: z.string().min(1), ru: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type Lang = keyof LocalizedText;

/**
 * A deadline's citation or warning as workflow history holds it: both languages, or, in a deadline computed
 * before they carried both, the English text alone. Running cases keep such deadlines for years.
 */
export const RecordedTextSchema = z.union([LocalizedTextSchema, z.string()]);
export type RecordedText = z.infer<typeof RecordedTextSchema>;

/** A recorded citation or warning in `lang`; one recorded as a plain string has only its English text to give. */
export function textIn(text: RecordedText, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}
