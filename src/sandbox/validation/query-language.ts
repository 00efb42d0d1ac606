// `ql`, Usergrid's query language, on the users collection (GET and DELETE /users). The service
// is built on Usergrid, which evaluates it: its own answers echo `uri: …/users?ql=select+*+from+null`
// (the 2015 guide's examples), and a 2015 PyPI client (ease-restapi 1.3: select_users,
// delete_users) sends `select * where …` to filter. No vendor page or SDK documents it, and the
// sandbox does not evaluate it. Ignored, a filter would be dropped without a word: a
// `DELETE /users?ql=select * where username='x'&limit=1` would delete the oldest user instead
// of x. So the query that selects everything passes, and any other is refused.
import { errors } from '../http/api-error.ts';

const SELECTS_EVERYTHING = /^\s*(select\s+\*(\s+from\s+null)?)?\s*$/i;

export function refuseQueryLanguage(ql: string | null): void {
  if (ql !== null && !SELECTS_EVERYTHING.test(ql)) {
    throw errors.illegalArgument('ql is not evaluated by the sandbox: only "select *" passes; page with limit and cursor');
  }
}
