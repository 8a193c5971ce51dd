/* global document */
// The sign-in pages' only script. It tells the server the browser's time zone, so that a locked sign-in
// says "try again at HH:MM" on the person's own clock. Without it the pages still work, in UTC.
'use strict';

for (const field of document.querySelectorAll('input[name="timeZone"]')) {
  field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
}
