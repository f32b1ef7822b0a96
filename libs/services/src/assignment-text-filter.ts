/**
 * The 任务台账's text filter as SQL over assignments aliased `a`: a substring, case-insensitive (ILIKE's
 * semantics), of the task title, the unit's display name, the directory unit's full or short name, or an alias the
 * unit goes by in the plan's city (市卫生健康委 finds 市卫健委's work, never another city's body).
 *
 * Written so that every branch can use an index and a scan stays cheap (100,000 rows, a page under 300 ms):
 * - title and display name: one LIKE on `search_text` (both lower-cased when written, joined by U+0001; see the
 *   entity), served by its GIN trigram index for terms of three or more characters;
 * - directory names and aliases: the few matching unit ids are found once (an array from the small directory
 *   tables), then looked up in the unit_id index — instead of a correlated EXISTS run for every row;
 *   an alias still counts only in the plan's city or its districts (checked for the rows the array let through).
 * `pattern` is the LIKE pattern (`%…%`, with % _ \ escaped); the SQL refers to it as `placeholder` (:text, or a
 * positional $n the caller binds).
 */
export function assignmentTextCondition(pattern: string, placeholder = ':text'): { readonly sql: string; readonly params: { readonly text: string } } {
  // search_text joins the two fields with U+0001: a term holding it would match across them (ILIKE never would).
  const fields = pattern.includes('\u0001') ? 'FALSE' : `a.search_text LIKE lower(${placeholder})`;
  const sql =
    `(${fields}` +
    ` OR a.unit_id = ANY(ARRAY(SELECT u.id FROM units u WHERE u.name ILIKE ${placeholder} OR u.short_name ILIKE ${placeholder}))` +
    ` OR (a.unit_id = ANY(ARRAY(SELECT al.unit_id FROM unit_aliases al WHERE al.alias ILIKE ${placeholder}))` +
    ' AND EXISTS (SELECT 1 FROM unit_aliases al JOIN jurisdictions j ON j.id = al.jurisdiction_id JOIN plans p ON p.id = a.plan_id' +
    ` WHERE al.unit_id = a.unit_id AND al.alias ILIKE ${placeholder} AND (j.id = p.jurisdiction_id OR j.parent_id = p.jurisdiction_id))))`;
  return { sql, params: { text: pattern } };
}
