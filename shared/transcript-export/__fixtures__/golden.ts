// Golden files: the committed files under __golden__/ are the assertion. After a deliberate change
// to a format, rewrite them with `npx vitest run shared/transcript-export -u` and review the diff.
import { expect } from 'vitest';

export async function expectGolden(text: string, name: string): Promise<void> {
  // Resolved against the calling test file, which sits next to __golden__/.
  await expect(text).toMatchFileSnapshot(`./__golden__/${name}`);
}
