import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api/client';
import { messages as en } from '$lib/i18n/en';
import { messages as zh } from '$lib/i18n/zh-CN';
import { describeError } from './errors';

describe('describeError', () => {
  it('words known codes in the reader’s language', () => {
    const error = new ApiError('the email or the password is wrong', 'INVALID_CREDENTIALS', 401);
    expect(describeError(error, zh)).toBe('邮箱或密码不正确。');
    expect(describeError(error, en)).toBe('The email or the password is wrong.');
  });

  it('says how long to wait when rate-limited', () => {
    const error = new ApiError('too many attempts; try again in 42 s', 'RATE_LIMITED', 429);
    expect(describeError(error, zh)).toContain('42 秒');
  });

  it('shows the server’s message for unknown 4xx codes and never for faults', () => {
    expect(describeError(new ApiError('slot is full', 'SOMETHING_NEW', 409), en)).toContain('slot is full');
    expect(describeError(new ApiError('server answered 500', 'SERVER', 500), zh)).toBe(zh.serverError);
    expect(describeError(new ApiError('x', 'NETWORK', 0), zh)).toBe(zh.networkError);
  });
});
