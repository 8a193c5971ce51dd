import { z } from 'zod';

/**
 * A staff command's input as the API receives it: the same fields without `actor`, which the API takes
 * from the bearer token so nobody can act in someone else's name. Cross-field checks are left to the
 * full domain schema, which the case client applies once the actor is filled in.
 */
export function withoutActor(schema: z.ZodType): z.ZodType<Record<string, unknown>> {
  if (schema instanceof z.ZodObject) {
    const { actor: _actor, ...shape } = schema.shape;
    return z.strictObject(shape);
  }
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = schema.options.map((option) => withoutActor(option as z.ZodType)) as [z.ZodObject, ...z.ZodObject[]];
    return z.discriminatedUnion(schema._zod.def.discriminator, options);
  }
  throw new Error('a command input must be an object or a discriminated union of objects');
}
