import { openStore, RegisterInputError, StaffNotFoundError, type Store } from '../../src/store';
import { TEST_DATABASES } from './register-databases';

const petrova = {
  id: 'cw-petrova',
  displayName: 'Caseworker Petrova',
  email: 'petrova@office.example',
  language: 'ru' as const,
  role: 'caseworker' as const,
  office: 'ru-ta-msk',
};
const supervisor = {
  id: 'sv-smith',
  displayName: 'Supervisor Smith',
  email: 'smith@office.example',
  webhook: { url: 'https://hooks.office.example/docket', secretRef: 'DOCKET_WEBHOOK_SECRET_SMITH' },
  language: 'en' as const,
  role: 'supervisor' as const,
  office: 'ru-ta-msk',
};

describe.each(TEST_DATABASES)('the staff directory on $name', (database) => {
  let drop: () => Promise<void>;
  let store: Store;

  beforeEach(async () => {
    const created = await database.create();
    drop = created.drop;
    store = await openStore(created.options);
  });
  afterEach(async () => {
    await store.close();
    await drop();
  });

  it('adds staff and finds an office’s supervisors', async () => {
    await store.staff.add(petrova);
    await store.staff.add(supervisor);
    await store.staff.add({ ...supervisor, id: 'sv-other', office: 'ru-ta-spb' });

    expect(await store.staff.get('cw-petrova')).toEqual({ ...petrova, active: true });
    expect((await store.staff.supervisorsOf('ru-ta-msk')).map((member) => member.id)).toEqual(['sv-smith']);
    expect((await store.staff.supervisorsOf('ru-ta-msk'))[0]?.webhook).toEqual(supervisor.webhook);
  });

  it('refuses a second member with the same id and keeps the first', async () => {
    await store.staff.add(petrova);
    await expect(store.staff.add({ ...petrova, displayName: 'Someone else' })).rejects.toThrow(/"cw-petrova" already exists/);
    expect((await store.staff.get('cw-petrova'))?.displayName).toBe('Caseworker Petrova');
  });

  it('explains each invalid field and stores nothing', async () => {
    const attempt = store.staff.add({
      ...petrova,
      id: 'Petrova Anna',
      email: 'not-an-address',
      webhook: { url: 'ftp://x', secretRef: 's3cr3t-value' },
    });
    await expect(attempt).rejects.toThrow(RegisterInputError);
    await expect(attempt).rejects.toThrow(/id: must be 1-64 lowercase.*email:.*webhook\.url: must be an http.*webhook\.secretRef: must name an environment variable/);
    expect(await store.staff.list({ includeInactive: true })).toEqual([]);
  });

  it('replaces a member on upsert, and deactivated members receive nothing', async () => {
    await store.staff.add(supervisor);
    await store.staff.upsert({ ...supervisor, language: 'ru', webhook: undefined });
    expect(await store.staff.get('sv-smith')).toEqual({ ...supervisor, language: 'ru', webhook: undefined, active: true });

    await store.staff.deactivate('sv-smith');
    expect(await store.staff.supervisorsOf('ru-ta-msk')).toEqual([]);
    await expect(store.staff.requireActive('sv-smith')).rejects.toThrow(/deactivated/);
    await expect(store.staff.requireActive('nobody')).rejects.toThrow(StaffNotFoundError);
    await expect(store.staff.deactivate('nobody')).rejects.toThrow(/No staff member with id "nobody"/);

    await store.staff.upsert(supervisor);
    expect((await store.staff.requireActive('sv-smith')).active).toBe(true);
  });
});
