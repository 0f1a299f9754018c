import type { z } from 'zod';

/** True when each type is assignable to the other: the same fields, required alike, of the same types. */
type Interchangeable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * A response schema that must describe exactly the contract type the server builds the answer as
 * (`@/contract/…`): a field added to one and not the other fails type checking, so the OpenAPI
 * document cannot drift from what is sent. `answerSchema<CommentView>()(z.object({ … }))`.
 */
export function answerSchema<T>() {
  return <S extends z.ZodType>(schema: S & (Interchangeable<z.output<S>, T> extends true ? unknown : { differsFromTheContractType: T })): S => schema;
}
