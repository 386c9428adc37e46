/**
 * One spelling for every way a notice is typeset: traditional characters to simplified (only the
 * characters a holiday notice uses; 週 becomes 周) and full-width digits, letters and punctuation to
 * half-width. Offsets are kept (one character in, one out) so problems can quote the original.
 */

// Traditional → simplified for the vocabulary of the notices (titles, festivals, verbs, lunar words).
const T2S: Record<string, string> = {
  國: "国", 務: "务", 辦: "办", 廳: "厅", 關: "关", 於: "于", 節: "节", 調: "调", 體: "体", 勞: "劳", 動: "动", 慶: "庆",
  曆: "历", 歷: "历", 農: "农", 週: "周", 連: "连", 與: "与", 個: "个", 單: "单", 職: "职", 勵: "励", 結: "结", 帶: "带",
  實: "实", 間: "间", 發: "发", 電: "电", 號: "号", 華: "华", 時: "时", 後: "后", 閏: "闰", 臘: "腊", 會: "会", 準: "准",
  據: "据", 貫: "贯", 規: "规", 則: "则", 優: "优", 進: "进", 處: "处", 緊: "紧", 報: "报", 確: "确", 衛: "卫", 員: "员",
  區: "区", 轄: "辖", 屬: "属", 機: "机", 構: "构", 門: "门", 統: "统", 籌: "筹", 積: "积", 極: "极", 導: "导", 應: "应",
  當: "当", 錯: "错", 彈: "弹", 彙: "汇", 總: "总", 訂: "订", 條: "条", 紀: "纪", 類: "类", 這: "这", 對: "对", 並: "并",
  採: "采", 為: "为", 從: "从", 開: "开", 將: "将", 現: "现", 見: "见", 兩: "两", 傳: "传", 陽: "阳", 陰: "阴", 禮: "礼",
  歲: "岁", 舊: "旧", 頒: "颁", 佈: "布", 內: "内", 長: "长", 併: "并", 聯: "联", 繫: "系", 計: "计", 劃: "划", 業: "业",
  須: "须", 爭: "争",
};

// Full-width forms and look-alikes → the ASCII character they stand for.
const PUNCT: Record<string, string> = {
  "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "。": ".", "．": ".", "〔": "[", "〕": "]", "［": "[", "］": "]",
  "　": " ", "～": "~", "－": "-", "—": "-", "–": "-", "､": "、", "﹐": ",", "﹑": "、", "﹕": ":", "﹔": ";", "﹒": ".",
  "【": "[", "】": "]", "｛": "{", "｝": "}", "\u00a0": " ", "\r": "\n",
};

/** The text in one spelling, same length as the input. */
export function normalizeNotice(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    let c = T2S[ch] ?? PUNCT[ch] ?? ch;
    if (code >= 0xff01 && code <= 0xff5e && c === ch) c = String.fromCodePoint(code - 0xfee0);
    // Keep one UTF-16 unit per unit of the input so offsets match (all mappings are BMP → BMP).
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
