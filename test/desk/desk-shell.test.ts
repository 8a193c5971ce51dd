import type { Principal, Role } from '../../src/access/roles';
import { deskErrorPage, deskPage, homePath } from '../../src/api/desk/desk-shell';
import { html } from '../../src/api/desk/html';
import { translator } from '../../src/api/desk/i18n/translator';

const principal = (role: Role): Principal => ({ staffId: `${role}-1`, role, office: 'msk-1', tokenId: 'dks_test' });

function render(role: Role, language: 'ru' | 'en' = 'en'): string {
  return deskPage({ viewer: { principal: principal(role), displayName: 'Ada Test', csrfToken: 'csrf-test', t: translator(language) }, title: 'Title', path: '/desk/work', current: 'work', content: html`<p>body</p>` });
}

const navLinks = (page: string) => [...page.matchAll(/<li><a href="([^"]+)"/g)].map((match) => match[1]);

describe('the desk layout', () => {
  it('offers each role the sections its permissions allow', () => {
    expect(navLinks(render('caseworker'))).toEqual(['/desk/work', '/desk/cases']);
    expect(navLinks(render('supervisor'))).toEqual(['/desk/work', '/desk/cases', '/desk/office', '/desk/rules']);
    expect(navLinks(render('admin'))).toEqual(['/desk/staff', '/desk/tokens']);
  });

  it('shows the case search only to roles that read cases', () => {
    expect(render('caseworker')).toContain('id="case-search"');
    expect(render('supervisor')).toContain('id="case-search"');
    expect(render('admin')).not.toContain('case-search');
  });

  it('starts with a skip link, marks the current section and signs out with the session’s CSRF token', () => {
    const page = render('caseworker', 'ru');
    expect(page).toContain('<html lang="ru">');
    expect(page.indexOf('class="skip-link" href="#content"')).toBeLessThan(page.indexOf('<header'));
    expect(page).toContain('<a href="/desk/work" aria-current="page">Моя работа</a>');
    expect(page).toContain('<form method="post" action="/desk/signout?lang=ru"><input type="hidden" name="csrfToken" value="csrf-test">');
    expect(page).toContain('<a href="/desk/work?lang=en" lang="en" hreflang="en">English</a>');
  });

  it('says who is signed in by their name, with their id, role and office', () => {
    expect(render('caseworker', 'ru')).toContain('Вы вошли как Ada Test (caseworker-1, специалист, отделение msk-1)');
    expect(render('supervisor')).toContain('Signed in as Ada Test (supervisor-1, supervisor, office msk-1)');
  });

  it('sends admins to administration and everyone else to My work, and error pages lead back there', () => {
    expect(homePath(principal('admin'))).toBe('/desk/admin');
    expect(homePath(principal('caseworker'))).toBe('/desk/work');
    const page = deskErrorPage({ principal: principal('admin'), displayName: 'Ada Test', csrfToken: 'csrf-test', t: translator('ru') }, 'forbidden', '/desk/work');
    expect(page).toContain('<h1>Недоступно для вашей роли</h1>');
    expect(page).toContain('<a href="/desk/admin">На начальную страницу</a>');
  });
});
