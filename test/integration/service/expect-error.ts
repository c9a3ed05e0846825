import { expect } from 'vitest';
import { FolioError, type ErrorCode } from '../../../shared/errors.js';

/** Awaits a call that must fail with a FolioError of this code (and field, when given). */
export async function expectFolioError(call: Promise<unknown> | (() => unknown), code: ErrorCode, field?: string): Promise<FolioError> {
  let caught: unknown;
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${code}`).toBeInstanceOf(FolioError);
  const error = caught as FolioError;
  expect({ code: error.code, message: error.message, field: error.field }).toMatchObject(
    field === undefined ? { code } : { code, field },
  );
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}
