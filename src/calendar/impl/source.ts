/** The calendar data as written (YAML file or generated module), and as fed to the compiler. */
import type { Place } from "../../errors.js";

/** One dated entry of a notice. */
export interface CalendarEntry {
  date: string;
  name: string;
}

/** One State Council notice year, as written in a calendar file. */
export interface CalendarYear {
  /** The notice(s) on gov.cn; several when a notice was revised (2019 劳动节, 2020 春节 extension). */
  notices: string[];
  note?: string;
  /** When extending a calendar: this year replaces the base calendar's year of the same number. */
  replace?: boolean;
  /**
   * The year is not from a published notice (filled from the statutory holidays, or written
   * ahead of the notice): it may lack statutory days, and every result touching it says so.
   */
  provisional?: boolean;
  holidays: CalendarEntry[];
  makeupWorkdays: CalendarEntry[];
}

/** A calendar file (the YAML document and the generated module have this shape). */
export interface CalendarFile {
  id: string;
  version: string;
  description?: string;
  /** Id of the calendar this file adds years to (e.g. `cn-mainland`); absent = a whole calendar. */
  extends?: string;
  years: Record<string, CalendarYear>;
}

/** An entry together with where it was written, so that conflicts can name file:line:col. */
export interface PlacedEntry extends CalendarEntry {
  place: Place;
}

/** A year ready for compiling. */
export interface SourceYear {
  year: number;
  notices: string[];
  note?: string;
  holidays: PlacedEntry[];
  makeupWorkdays: PlacedEntry[];
  place: Place;
  /** Not from a published notice (see {@link CalendarYear.provisional}). */
  provisional?: boolean;
}

/** Everything the compiler needs. */
export interface CalendarSource {
  id: string;
  version: string;
  description: string;
  years: SourceYear[];
  /** Ids of the calendars this one extends, nearest first (empty for a whole calendar). */
  bases?: string[];
}
