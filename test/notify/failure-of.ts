import { DeliveryError } from '../../src/notify';

/** The `DeliveryError` a send failed with; fails the test if it succeeded or failed otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}
