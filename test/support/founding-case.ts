/**
 * The founding case as staff enter it, in the order it happened (RU temporary asylum): three refusals,
 * each answered by a new application rather than a complaint, a grant on the fourth, one renewal.
 * Suites take the prefix their story needs.
 */
export const FOUNDING_CASE_EVENTS = [
  ['application-lodged', '2015-11-02'],
  ['refusal-notice-received', '2015-11-27'],
  ['application-lodged', '2015-12-17'],
  ['refusal-notice-received', '2015-12-22'],
  ['application-lodged', '2016-01-11'],
  ['refusal-notice-received', '2016-01-26'],
  ['application-lodged', '2016-01-28'],
  ['protection-granted', '2016-05-26'],
  ['renewal-filed', '2017-04-10'],
  ['protection-extended', '2017-05-15'],
] as const;

/** Up to and including the n-th event whose name is `event` (the third refusal: 'refusal-notice-received', 3). */
export function foundingCaseUntil(event: (typeof FOUNDING_CASE_EVENTS)[number][0], nth = 1): ReadonlyArray<(typeof FOUNDING_CASE_EVENTS)[number]> {
  let seen = 0;
  const end = FOUNDING_CASE_EVENTS.findIndex(([name]) => name === event && (seen += 1) === nth);
  if (end < 0) throw new Error(`the founding case has no ${nth}. ${event}`);
  return FOUNDING_CASE_EVENTS.slice(0, end + 1);
}

/** Its opening through the API, in the Moscow office, by the pseudonym the suites share (invented). */
export function foundingCaseOpening(caseNumber = 'RU-TA-2016-0042') {
  return { caseNumber, jurisdiction: 'RU', procedure: 'temporary-asylum', office: 'msk-1', caseworker: 'cw-msk', applicant: { pseudonym: 'Applicant-7F3A' } };
}
