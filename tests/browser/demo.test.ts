import { describe, it } from 'vitest';
import { checkA11y, expectVisible } from './support/browser.js';
import { useHearthInBrowser } from './support/hearth.js';

/** A Hearth started with the demo community says so on every page, before anyone signs in. */
const hearth = useHearthInBrowser({ DEMO_SEED: 'true' });

describe('the demo community', () => {
  it('is marked as a demo on every page', async () => {
    const context = await hearth.person();
    try {
      const page = await context.newPage();
      for (const path of ['/', '/sign-in', '/recover', '/help']) {
        await page.goto(`${hearth.url}${path}`);
        await expectVisible(page.getByText('This is a demo community'));
      }
      await checkA11y(page, 'demo notice');
    } finally {
      await context.close();
    }
  });
});
