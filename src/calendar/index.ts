/** The working-day calendar and deadline periods: everything public from src/calendar. */
export type { Calendar, DateInput, DayInfo, DayKind } from "./types.js";
export { defaultCalendar, type DefaultCalendarOptions } from "./default-calendar.js";
export { loadCalendar, type LoadCalendarOptions } from "./load-calendar.js";
export type { CalendarProblemParams } from "./errors.js";
export { computeDeadline, type PeriodSpec, type CaseEvents, type DeadlineStatus, type LedgerEntry, type DeadlineResult } from "./deadline.js";
export { scheduleDueDates, scheduleCompliance, type ScheduleSpec } from "./schedule.js";
export { importNotice, type ImportNoticeOptions, type ImportedNotice, type NoticeEntry, type NoticeWarning } from "./notice/import-notice.js";
export { noticeYaml } from "./notice/notice-yaml.js";
