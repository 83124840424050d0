// What a call that must fail rejected with, checked to be a typed AppError.
import { expect } from 'vitest';
import { AppError } from '../../../shared/errors';

export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
