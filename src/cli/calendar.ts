import type { Command } from "commander";
export function registerCalendar(_program: Command): void {}
