// Types of nianbao.js: the checker for 政府信息公开工作年度报告 (SPEC §6 document).

/** A report: its text, or its file's bytes (.txt in any common encoding, .docx, .doc/.wps, .html, .pdf). */
export type ReportInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob;

export interface CheckOptions {
  /** Last year's report: also runs YEAR-CARRY, YEAR-STOCK, YEAR-ITEMS. */
  previous?: ReportInput;
  /** The real publication date, `YYYY-MM-DD` (for DATE-DEADLINE). */
  published?: string;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Cell {
  value: number | null;
  raw: string;
  unit?: string;
  line: number;
  col: number;
  /** Where a .docx, .doc, HTML or PDF cell stood (1-based; page for a PDF). */
  origin?: { table: number; row: number; cell: number; page?: number };
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  cells: string[];
  line: number | null;
  expected?: number | null;
  actual?: number | null;
  [field: string]: unknown;
}

/** The SPEC §6 document, as `nianbao check --format json` prints it. */
export interface CheckedReport {
  organ: string | null;
  year: number | null;
  format: string;
  input: string;
  encoding: string;
  published: { date: string; line: number | null; source: string } | null;
  sections: unknown[];
  /** Keyed `table.row.column`, e.g. `applications.new.total`. */
  cells: Record<string, Cell>;
  tables: Record<string, unknown>;
  findings: Finding[];
}

export interface Rule {
  id: string;
  severity: Severity;
  /** 规则说明 */
  title: string;
  /** 为什么重要 */
  why: string;
  /** 如何修改 */
  fix: string;
}

/** How a Promise rejects: a stable code and a message in Chinese for the user. */
export interface Refusal {
  code:
    | 'empty' | 'too-large' | 'binary' | 'damaged-docx' | 'encrypted' | 'zip-bomb' | 'zip' | 'old-word'
    | 'doc-encrypted' | 'doc-damaged' | 'doc-too-old' | 'not-word' | 'pdf' | 'pdf-scanned' | 'pdf-encrypted'
    | 'pdf-damaged' | 'pdf-unmapped' | 'image' | 'unreadable' | 'bad-input' | 'bad-option' | 'load-failed' | 'internal';
  message: string;
}

export function check(input: ReportInput, options?: CheckOptions): Promise<CheckedReport>;
export function rules(): Promise<Rule[]>;

export interface ReadResult {
  text: string;
  encoding: string;
  kind: 'text' | 'docx' | 'doc' | 'html' | 'pdf';
  /** For structured files: each rendered table row's line (and page) and the byte range of its cells. */
  rows: { line: number; table: number; row: number; page: number | null; cells: [number, number][] }[] | null;
}
/** The text of a file as the checker reads it. */
export function read(input: ReportInput): Promise<ReadResult>;
/** Uses these bytes as the module's wasm instead of fetching the file beside nianbao.js. */
export function useWasm(bytes: Uint8Array): void;
