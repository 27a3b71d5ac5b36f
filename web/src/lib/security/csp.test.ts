import { describe, expect, it } from 'vitest';
import { withSources } from './csp';

describe('withSources', () => {
  it('adds the sources to the named directives only', () => {
    const policy =
      "default-src 'self'; connect-src 'self' https://tiles.openfreemap.org; img-src 'self' data:; script-src 'self' 'nonce-x'";
    expect(withSources(policy, ['connect-src', 'img-src'], ['https://t0.tianditu.gov.cn'])).toBe(
      "default-src 'self'; connect-src 'self' https://tiles.openfreemap.org https://t0.tianditu.gov.cn; img-src 'self' data: https://t0.tianditu.gov.cn; script-src 'self' 'nonce-x'",
    );
  });
});
