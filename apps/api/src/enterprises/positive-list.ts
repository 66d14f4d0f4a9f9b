/**
 * The SQL condition "firm `alias` is on the positive list on day :day" (a date in the bureau's
 * time zone). One place for the rule, used by listings and by check-ins.
 */
export function onPositiveListSql(alias: string, dayParam: string): string {
  return `EXISTS (SELECT 1 FROM positive_list_entry ple
    WHERE ple.enterprise_id = ${alias}.id
      AND ple.effective_from <= :${dayParam}
      AND (ple.effective_to IS NULL OR ple.effective_to >= :${dayParam}))`;
}

/** The calendar day (YYYY-MM-DD) of an instant at a UTC offset (China: 480 minutes). */
export function localDay(at: Date, utcOffsetMinutes: number): string {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
