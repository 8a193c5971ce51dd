import { RegisterInputError } from './errors';

/**
 * Field names that carry an applicant's identity. The register records what happened in a case,
 * not who the applicant is: such fields are refused, whatever their value, wherever they are nested.
 */
const PERSONAL_FIELD_NAMES = new Set([
  'name',
  'fullname',
  'firstname',
  'lastname',
  'middlename',
  'surname',
  'givenname',
  'familyname',
  'patronymic',
  'birthdate',
  'dateofbirth',
  'dob',
  'birthplace',
  'placeofbirth',
  'passport',
  'passportnumber',
  'nationalid',
  'idnumber',
  'address',
  'homeaddress',
  'phone',
  'phonenumber',
  'telephone',
  'mobile',
  'email',
  'emailaddress',
]);

const normalise = (key: string) => key.toLowerCase().replace(/[^a-z]/g, '');

export function assertNoPersonalData(value: unknown, where: string): void {
  const offending = findPersonalFields(value, '');
  if (offending.length > 0) {
    throw new RegisterInputError(
      `${where} contains personal data fields (${offending.join(', ')}); ` +
        'record a pseudonym or the case number instead, and keep identities out of the register.',
    );
  }
}

function findPersonalFields(value: unknown, path: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => findPersonalFields(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
    const here = path === '' ? key : `${path}.${key}`;
    return PERSONAL_FIELD_NAMES.has(normalise(key)) ? [here] : findPersonalFields(inner, here);
  });
}
