/**
 * The day-by-day ledger of a deadline in words: each counted day, each skipped day and why
 * (weekend, the holiday's name, a makeup working day), pauses, restarts and extensions.
 * English keeps the engine's own sentences; Chinese is written here from the entry and the calendar.
 */
import type { Calendar, DeadlineStatus, LedgerEntry } from "../../../calendar/index.js";
import { weekday, type Lang } from "./words.js";

/** What kind of day a date is, in Chinese: 工作日, 周末, 法定节假日（国庆节）, 调休上班日（国庆节）. */
export function dayKindZh(cal: Calendar, date: string): string {
  try {
    const info = cal.info(date);
    if (info.kind === "weekend") return "周末";
    if (info.kind === "holiday") return `法定节假日（${info.name ?? "节假日"}）`;
    if (info.kind === "makeup-workday") return `调休上班日（${info.name ?? "调休"}）`;
    return "工作日";
  } catch {
    return "";
  }
}

const DEFAULT_REASONS: Record<string, string> = {
  "clock stopped": "暂停计时",
  "extension approved": "延期已批准",
  "complete materials received (补正)": "收到补正后的完整材料（补正）",
};

function zhReason(r: string): string {
  return DEFAULT_REASONS[r] ?? r;
}

/** One ledger entry in Chinese. */
function entryZh(cal: Calendar, e: LedgerEntry): string {
  const kind = dayKindZh(cal, e.date);
  const unit = / days /.test(e.reason) && !/working days/.test(e.reason) ? "日" : "个工作日";
  switch (e.kind) {
    case "received": {
      const late = /counts as received on (\d{4}-\d{2}-\d{2})/.exec(e.reason);
      const given = /^received \(([^)]*)\)/.exec(e.reason)?.[1] ?? e.date;
      return `收到（${given}）${late ? `，晚于截止时间，视为 ${late[1]} 收到` : ""}`;
    }
    case "start": {
      if (/same day/.test(e.reason)) return /next working day/.test(e.reason) ? "当场办结：此日不是工作日，顺延至下一个工作日" : "当场办结：当日到期";
      const superseded = /superseded by the restart on (\d{4}-\d{2}-\d{2})/.exec(e.reason);
      if (superseded) return `起算（已被 ${superseded[1]} 的重新起算取代）`;
      const n = /counting (\d+) (working days|days)/.exec(e.reason);
      const total = n ? `${n[1]} ${n[2] === "days" ? "日" : "个工作日"}` : "";
      return /included/.test(e.reason) ? `起算：自本日起计算 ${total}（本日计入）` : `起算：自次日起计算 ${total}（民法典第二百零一条：开始的当日不计入）`;
    }
    case "count":
      return unit === "日" ? `计第 ${e.n} 日（${kind}）` : `计第 ${e.n} 个工作日（${kind}）`;
    case "skip": {
      const why = /clock stopped/.test(e.reason) ? "，计时暂停中" : /before counting starts/.test(e.reason) ? "，尚未起算" : /within the extension/.test(e.reason) ? "，延期期间" : "";
      return `不计：${kind}${why}`;
    }
    case "pause": {
      const r = /clock stops after this day: (.*)$/.exec(e.reason)?.[1] ?? "";
      return `自次日起暂停计时：${zhReason(r)}`;
    }
    case "resume":
      return /still open/.test(e.reason) ? "暂停尚未结束：到期日按自次日起恢复计时推算" : "自次日起恢复计时";
    case "restart": {
      const m = /^(.*): the (\d+) (working days|days) counted so far are discarded/.exec(e.reason);
      return m ? `重新起算：${zhReason(m[1]!)}，此前已计的 ${m[2]} ${m[3] === "days" ? "日" : "个工作日"}作废，自次日起重新计算` : `重新起算：${e.reason}`;
    }
    case "extension": {
      const m = /^(.*): \+(\d+) (working days|days)$/.exec(e.reason);
      return m ? `延期 ${m[2]} ${m[3] === "days" ? "日" : "个工作日"}：${zhReason(m[1]!)}` : `延期：${e.reason}`;
    }
    case "moved":
      return `${kind}：期限最后一日不是工作日，顺延至下一个工作日（民法典第二百零三条）`;
    case "warning": {
      const p = /^(\d+)%/.exec(e.reason)?.[1] ?? "";
      return `提醒：期限已过 ${p}%`;
    }
    case "due": {
      if (/same day/.test(e.reason)) return "到期（当场）";
      const m = /due: (\d+) (working days|days)/.exec(e.reason);
      const ext = /\+ (\d+) (working days|days) extension/.exec(e.reason);
      const moved = /the last day (\d{4}-\d{2}-\d{2}) is not a working day/.exec(e.reason);
      return `到期：共 ${m ? `${m[1]} ${m[2] === "days" ? "日" : "个工作日"}` : ""}${ext ? `，另延期 ${ext[1]} ${ext[2] === "days" ? "日" : "个工作日"}` : ""}${moved ? `（最后一日 ${moved[1]} 不是工作日，顺延）` : ""}`;
    }
  }
  return e.reason;
}

/** The ledger as lines: `2026-09-20 周日 计第 1 个工作日（调休上班日（国庆节））`. */
export function ledgerLines(cal: Calendar, ledger: readonly LedgerEntry[], lang: Lang): string[] {
  return ledger.map((e) => `${e.date} ${weekday(e.date, lang)} ${lang === "zh" ? entryZh(cal, e) : e.reason}`);
}

/** A deadline status in words. */
export function statusText(s: DeadlineStatus | null, lang: Lang): string {
  if (!s) return lang === "zh" ? "未给出判断时点（`now`），不判断状态" : "no `now` given, so no status";
  const zh = lang === "zh";
  switch (s.kind) {
    case "not-started":
      return zh ? "尚未开始" : "not started";
    case "running":
      return zh ? `办理中，剩余 ${s.workingDaysLeft} 个工作日` : `running, ${s.workingDaysLeft} working days left`;
    case "paused":
      return zh ? `暂停计时中（自 ${s.since} 起）` : `paused since ${s.since}`;
    case "due-today":
      return zh ? "今日到期" : "due today";
    case "overdue":
      return zh ? `已超期 ${s.workingDaysOverdue} 个工作日` : `overdue by ${s.workingDaysOverdue} working days`;
    case "done-on-time":
      return zh ? `已按时办结（${s.completed}）` : `done on time (${s.completed})`;
    case "done-late":
      return zh ? `逾期办结（${s.completed}，超期 ${s.workingDaysLate} 个工作日）` : `done late (${s.completed}, ${s.workingDaysLate} working days late)`;
  }
}
