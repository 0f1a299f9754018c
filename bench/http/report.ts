import type { LoadResult } from './load-plan.js';

export interface ScenarioOutcome {
  name: string;
  connections: number;
  warmup: LoadResult;
  measured: LoadResult;
}

export interface TargetCheck {
  label: string;
  met: boolean;
  /** What was measured, for the line after the target. */
  measured: string;
}

const HEADER = ['scenario', 'req/s', 'p50', 'p99', 'non-2xx/3xx, errors', 'ratio to floor'];

export function formatRate(perSecond: number): string {
  return perSecond >= 100 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toFixed(1);
}

export function formatMs(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  return ms >= 100 ? `${Math.round(ms).toLocaleString('en-US')} ms` : `${ms.toFixed(ms >= 10 ? 1 : 2)} ms`;
}

/** 4xx and 5xx answers, and requests that got none (connection errors, of which timeouts). */
export function failures(result: LoadResult): string {
  const { statuses, errors, timeouts } = result;
  const byClass = (digit: string): number => Object.entries(statuses).reduce((sum, [status, count]) => (status.startsWith(digit) ? sum + count : sum), 0);
  const parts = [
    ...['4', '5'].filter((digit) => byClass(digit) > 0).map((digit) => `${byClass(digit).toLocaleString('en-US')} × ${digit}xx`),
    ...(errors > 0 ? [`${errors.toLocaleString('en-US')} errors (${timeouts.toLocaleString('en-US')} timeouts)`] : []),
  ];
  return parts.length ? parts.join(', ') : '0';
}

function row(outcome: ScenarioOutcome, floorPerSecond: number): string[] {
  const { measured } = outcome;
  return [
    outcome.name,
    formatRate(measured.requestsPerSecond),
    formatMs(measured.p50Ms),
    formatMs(measured.p99Ms),
    failures(measured),
    (measured.requestsPerSecond / floorPerSecond).toFixed(3),
  ];
}

export function textTable(outcomes: ScenarioOutcome[], floorPerSecond: number): string {
  const rows = [HEADER, ...outcomes.map((outcome) => row(outcome, floorPerSecond))];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function markdownTable(outcomes: ScenarioOutcome[], floorPerSecond: number): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(HEADER),
    `|${HEADER.map((_, column) => (column === 0 || column === 4 ? '---' : '---:')).join('|')}|`,
    ...outcomes.map((outcome) => line(row(outcome, floorPerSecond))),
  ].join('\n');
}

export function targetLines(checks: TargetCheck[]): string[] {
  return checks.map((check) => `target: ${check.label}: ${check.met ? 'met' : 'NOT met'} (${check.measured})`);
}
