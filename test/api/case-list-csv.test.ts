import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { caseListCsv, guardFormula } from '../../src/api/routes/case-list-csv';
import type { CaseListItem } from '../../src/client/case-listing';

const item = (overrides: Partial<CaseListItem>): CaseListItem => ({
  caseNumber: 'RU-TA-2016-0042',
  stage: 'awaiting-decision',
  jurisdiction: 'RU',
  procedure: 'temporary-asylum',
  office: 'msk-1',
  caseworker: 'cw-msk',
  attempt: 1,
  status: 'running',
  ...overrides,
});

describe('the cases export as CSV', () => {
  it('prefixes every cell a spreadsheet would read as a formula, and nothing else', () => {
    for (const cell of ['=HYPERLINK("http://example.org")', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['RU-TA-2016-0042', '2016-05-26', 'msk-1', '']) expect(guardFormula(cell)).toBe(cell);
  });

  it('writes a byte order mark, a header and one row per case, in the local dates staff count in', async () => {
    const csv = await buffer(
      caseListCsv([
        item({
          nextDeadline: { endsAt: '2016-02-26T21:00:00.000Z', dueDate: '2016-02-26', kind: 'complaint' },
          // 24:00 in Moscow on 2017-05-25.
          protectedUntil: '2017-05-25T21:00:00.000Z',
        }),
        item({ caseNumber: 'RU-TA-2016-0043', caseworker: '=cmd|calc', stage: 'opened' }),
      ]),
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      {
        'case number': 'RU-TA-2016-0042',
        stage: 'awaiting-decision',
        office: 'msk-1',
        caseworker: 'cw-msk',
        'next deadline': 'complaint',
        'next deadline due': '2016-02-26',
        'protected until': '2017-05-25',
      },
      {
        'case number': 'RU-TA-2016-0043',
        stage: 'opened',
        office: 'msk-1',
        caseworker: "'=cmd|calc",
        'next deadline': '',
        'next deadline due': '',
        'protected until': '',
      },
    ]);
  });

  it('writes headers, stages and deadlines in words for the desk, with Russian dates as 26.02.2016', async () => {
    const complaint = item({ stage: 'refused', nextDeadline: { endsAt: '2016-02-26T21:00:00.000Z', dueDate: '2016-02-26', kind: 'complaint' }, protectedUntil: '2017-05-25T21:00:00.000Z' });
    const russian = parse(await buffer(caseListCsv([complaint], 'ru')), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(russian).toEqual([
      { Дело: 'RU-TA-2016-0042', Стадия: 'отказ', Отделение: 'msk-1', Сотрудник: 'cw-msk', 'Ближайший срок': 'Жалоба на отказ', Истекает: '26.02.2016', 'Защита до': '25.05.2017' },
    ]);
    const english = parse(await buffer(caseListCsv([complaint], 'en')), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(english).toEqual([
      { Case: 'RU-TA-2016-0042', Stage: 'refused', Office: 'msk-1', Caseworker: 'cw-msk', 'Next deadline': 'Complaint against the refusal', Due: '2016-02-26', 'Protected until': '2017-05-25' },
    ]);
  });

  it('breaks off instead of ending cleanly when the cases cannot all be read', async () => {
    async function* failing(): AsyncGenerator<CaseListItem> {
      yield item({});
      throw new Error('visibility went away');
    }
    await expect(buffer(caseListCsv(failing()))).rejects.toThrow('visibility went away');
  });
});
