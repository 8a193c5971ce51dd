import { z } from 'zod';

/** Every text staff may read exists in both languages the product speaks. */
export const LocalizedTextSchema = z.object({ en: z.string().min(1), ru: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;
export type Lang = keyof LocalizedText;
