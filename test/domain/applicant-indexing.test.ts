import { withApplicantIndex } from '../../src/domain/applicant-indexing';
import { openCase } from '../../src/domain/open-case';

const INDEX = 'a'.repeat(32);
const opened = (applicant?: { pseudonym: string }) =>
  openCase({ caseNumber: 'RU-TA-2015-0101', jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-1', actor: 'sv-1', ...(applicant ? { applicant } : {}) }, Date.UTC(2015, 10, 1));

describe('giving a case its applicant index', () => {
  it('sets the index on a case with an applicant, and the same index again changes nothing', () => {
    const indexed = withApplicantIndex(opened({ pseudonym: 'Applicant-3C8E' }), INDEX);
    expect(indexed.ok && indexed.state.applicantIndex).toBe(INDEX);
    if (!indexed.ok) return;
    const again = withApplicantIndex(indexed.state, INDEX);
    expect(again.ok && again.state).toBe(indexed.state);
    const rekeyed = withApplicantIndex(indexed.state, 'b'.repeat(32));
    expect(rekeyed.ok && rekeyed.state.applicantIndex).toBe('b'.repeat(32));
  });

  it('refuses a case without an applicant, a closed case and anything that is not 32 hex digits', () => {
    expect(withApplicantIndex(opened(), INDEX)).toEqual({ ok: false, reason: 'case RU-TA-2015-0101 has no applicant to index' });
    expect(withApplicantIndex({ ...opened({ pseudonym: 'Applicant-3C8E' }), stage: 'closed' }, INDEX)).toMatchObject({ ok: false, reason: expect.stringContaining('closed') });
    for (const wrong of ['Applicant-3C8E', 'A'.repeat(32), 'a'.repeat(31), 42]) {
      expect(withApplicantIndex(opened({ pseudonym: 'Applicant-3C8E' }), wrong)).toEqual({ ok: false, reason: 'expected the 32 hex digits of an applicant index' });
    }
  });
});
