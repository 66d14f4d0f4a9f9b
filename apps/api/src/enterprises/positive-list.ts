/**
 * The SQL condition "firm `alias` is on the positive list on day :day" (a date in the bureau's
 * time zone). One place for the rule, used by listings and by check-ins.
 */
export function onPositiveListSql(alias: string, dayParam: string): string {
  return positiveListOnDaySql(`${alias}.id`, `:${dayParam}`);
}

/** The same rule for any SQL expressions of the firm's id and of the day (e.g. per visit row). */
export function positiveListOnDaySql(enterpriseId: string, day: string): string {
  return `EXISTS (SELECT 1 FROM positive_list_entry ple
    WHERE ple.enterprise_id = ${enterpriseId}
      AND ple.effective_from <= ${day}
      AND (ple.effective_to IS NULL OR ple.effective_to >= ${day}))`;
}

/** The calendar day (YYYY-MM-DD) of an instant at a UTC offset (China: 480 minutes). */
export function localDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
