import { describe, expect, test } from 'vitest';
import { serverScript } from '../../scripts/check-docs';

describe('docs:check and blocks that start the server', () => {
  test('runs them on a free port instead of 8080, and stops the background server when the block ends', () => {
    const script = 'npx dual-use-rules serve --port 8080 &\ncurl http://127.0.0.1:8080/health\nkill %1';
    expect(serverScript(script, () => 41234)).toBe(
      "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\nnpx dual-use-rules serve --port 41234 &\ncurl http://127.0.0.1:41234/health\nkill %1",
    );
  });

  test('leaves other blocks as they are, without looking for a port', () => {
    const script = 'npx dual-use-rules assess order.json > 8080.txt';
    expect(
      serverScript(script, () => {
        throw new Error('no port needed');
      }),
    ).toBe(script);
  });
});
