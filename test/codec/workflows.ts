import { ApplicationFailure, condition, defineQuery, defineUpdate, setHandler } from '@temporalio/workflow';

/** Small workflows that carry case-like data through every kind of payload a case workflow stores. */
export interface CaseNote {
  caseNumber: string;
  applicant: string;
  text: string;
}

export const addNote = defineUpdate<CaseNote[], [CaseNote]>('addNote');
export const notesQuery = defineQuery<CaseNote[]>('notes');

/** Holds the opening note and waits for one more, which arrives as an update; returns both. */
export async function collectTwoNotes(opening: CaseNote): Promise<CaseNote[]> {
  const notes = [opening];
  setHandler(notesQuery, () => notes);
  setHandler(addNote, (note) => {
    notes.push(note);
    return notes;
  });
  await condition(() => notes.length === 2);
  return notes;
}

/** Fails with a message that quotes the case data, as a careless validation error might. */
export async function failWithCaseData(note: CaseNote): Promise<never> {
  throw ApplicationFailure.nonRetryable(`cannot record a note for ${note.applicant}: ${note.text}`, 'InvalidNote');
}
