import { openAccessStore, type AccessStore } from '../../src/access';
import { runDocket } from '../../src/cli/docket';
import { createBufferedIo } from '../../src/cli/io';
import { createStaffCommand } from '../../src/cli/commands/staff';
import type { CliServices } from '../../src/cli/commands/services';
import { loadConfig } from '../../src/config';
import { CaseComputations, openRegisterDatabase, RegisterEscalatedCases, type RegisterDatabaseHandle } from '../../src/store';
import { SmtpMailbox } from '../notify/smtp-mailbox';

const PUBLIC_URL = 'https://docket.example.org';

describe('docket staff invite', () => {
  let register: RegisterDatabaseHandle;
  let access: AccessStore;
  let mailbox: SmtpMailbox;

  beforeAll(async () => {
    mailbox = new SmtpMailbox();
    await mailbox.start();
    register = await openRegisterDatabase({ sqliteFile: ':memory:' });
    access = await openAccessStore(register);
    await access.staff.upsert({ id: 'cw-ru', displayName: 'Caseworker Ru', role: 'caseworker', office: 'msk-1', language: 'ru', email: 'cw-ru@example.org' });
    await access.staff.upsert({ id: 'cw-en', displayName: 'Caseworker En', role: 'caseworker', office: 'msk-1', language: 'en', email: 'cw-en@example.org' });
    await access.staff.upsert({ id: 'cw-nomail', displayName: 'Caseworker Nomail', role: 'caseworker', office: 'msk-1', language: 'en' });
  });
  afterAll(async () => {
    await register.close();
    await mailbox.stop();
  });

  async function docket(environment: Record<string, string>, ...argv: string[]) {
    const services: CliServices = {
      config: loadConfig({ API_PUBLIC_URL: PUBLIC_URL, ...environment }),
      access,
      escalated: new RegisterEscalatedCases(register.db),
      staff: access.staff,
      computations: new CaseComputations(register.db, () => new Date()),
      rulebook: async () => {
        throw new Error('the staff commands need no rule data');
      },
      cases: async () => {
        throw new Error('inviting needs no Temporal');
      },
      close: async () => undefined,
    };
    const io = createBufferedIo();
    const code = await runDocket(argv, io, [createStaffCommand(async () => services)], {});
    return { code, out: io.stdout, err: io.stderr };
  }

  it('mails the link in the member’s language, with a subject that names nobody, when SMTP_URL is set', async () => {
    const invited = await docket({ SMTP_URL: mailbox.url }, 'staff', 'invite', 'cw-ru', '--as', 'adm-1');
    expect(invited).toMatchObject({ code: 0, err: '' });
    const link = invited.out.split('\n')[1] as string;
    expect(link).toMatch(/^https:\/\/docket\.example\.org\/desk\/welcome\/dkw_/);
    expect(invited.out).toContain('Mailed to cw-ru@example.org.');

    const mail = mailbox.messages.find((message) => message.to.includes('cw-ru@example.org'));
    expect(mail?.parsed.subject).toBe('Ваша ссылка для входа в asylum-docket');
    expect(mail?.parsed.text).toContain(link);
    expect(mail?.parsed.text).toContain('Ваш идентификатор сотрудника для входа: cw-ru');
    expect(mail?.parsed.subject).not.toContain('dkw_');

    await docket({ SMTP_URL: mailbox.url }, 'staff', 'invite', 'cw-en', '--as', 'adm-1');
    expect(mailbox.messages.find((message) => message.to.includes('cw-en@example.org'))?.parsed.subject).toBe('Your sign-in link for asylum-docket');
  });

  it('prints the link to hand over when there is no SMTP or no address, and answers --json', async () => {
    expect((await docket({}, 'staff', 'invite', 'cw-en', '--as', 'adm-1')).out).toContain('SMTP_URL is not set, so it was not mailed');
    expect((await docket({ SMTP_URL: mailbox.url }, 'staff', 'invite', 'cw-nomail', '--as', 'adm-1')).out).toContain(
      'cw-nomail has no e-mail address in the staff directory, so it was not mailed',
    );
    const json = JSON.parse((await docket({}, 'staff', 'invite', 'cw-nomail', '--json', '--as', 'adm-1')).out);
    expect(json).toEqual({ staffId: 'cw-nomail', invitationId: expect.stringMatching(/^dkw_/), purpose: 'invite', expiresAt: expect.any(String), link: expect.stringContaining('/desk/welcome/dkw_'), mailed: 'no-smtp' });
  });

  it('still prints the link when the mail server refuses it', async () => {
    const invited = await docket({ SMTP_URL: await SmtpMailbox.closedPortUrl() }, 'staff', 'invite', 'cw-ru', '--as', 'adm-1');
    expect(invited.code).toBe(0);
    expect(invited.out).toMatch(/\/desk\/welcome\/dkw_/);
    expect(invited.err).toContain('docket staff invite: the link was not mailed');
  });

  it('refuses an unknown member or none named, inviting nobody', async () => {
    const unknown = await docket({}, 'staff', 'invite', 'nobody-1', '--as', 'adm-1');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no staff member "nobody-1" in the staff directory');
    expect((await docket({}, 'staff', 'invite')).err).toContain('name the staff member to invite');
  });
});
