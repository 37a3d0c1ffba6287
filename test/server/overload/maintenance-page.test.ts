import { maintenancePage, MAINTENANCE_PAGE_CSP } from '../../../server/overload/maintenance-page';

describe('the maintenance page', () => {
  it("shows the admin's message and the expected return time, escaped", () => {
    const page = maintenancePage({ message: '<script>alert("x")</script> & back at 6', expectedBackAt: '2030-05-01T18:00:00Z' });
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; back at 6');
    // May is British Summer Time: 18:00 UTC is 19:00 in London, and the page says which zone.
    expect(page).toContain('<time datetime="2030-05-01T18:00:00.000Z">Wednesday 1 May 2030 at 19:00 BST (UK time)</time>');
  });

  it("is in Rosette's look, and gives a winter time in GMT", () => {
    const page = maintenancePage({ message: 'Printer upgrade.', expectedBackAt: '2030-12-02T09:30:00Z' });
    expect(page).toContain('<header>');
    expect(page).toContain('Rosette is in maintenance');
    expect(page).toContain('Monday 2 December 2030 at 09:30 GMT (UK time)');
  });

  it('has a standard sentence without a message, and no time line without a time', () => {
    const page = maintenancePage({ message: null, expectedBackAt: null });
    expect(page).toContain('Please try again in a few minutes');
    expect(page).not.toContain('<time');
  });

  it('does not reload itself (a timed refresh fails WCAG 2.2.1), but offers a link to try again', () => {
    const page = maintenancePage({ message: null, expectedBackAt: null });
    expect(page).not.toMatch(/http-equiv="refresh"/i);
    expect(page).toContain('<a href="">Try again now</a>');
  });

  it('allows nothing but its own style', () => {
    expect(MAINTENANCE_PAGE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
