/**
 * Demand forecast from a sales CSV (project issue 8).
 *
 *   npm run forecast -- --input sales.csv --horizon 14 --out forecast.csv [--level 80|95]
 *   npm run forecast -- --backtest --input sales.csv --horizon 14
 *
 * Input: header `series,date,qty` (any column order, extra columns ignored), one row per
 * series-day, missing days are zero sales. Output: `series,date,forecast,lo,hi,model`, where
 * [lo, hi] holds the day's demand with the --level probability (percent, or a fraction as before:
 * 80 and 0.8 mean the same) and model is the one the rolling-origin backtest chose per series
 * (`seasonal-naive` and `weekday-mean` are the hand-made baselines, chosen when they win).
 * Exit codes: 2 bad arguments, 1 bad input data or I/O failure, 0 success.
 * A forecast reaching a year whose holidays are provisional (no State Council notice yet) or
 * unknown gets a warning on standard error; the CSV keeps its columns so scripts reading it work on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  backtestTotals,
  forecastMany,
  parseIsoDate,
  type CalendarCaveat,
  type DailyPoint,
  type SeriesForecast,
  type SeriesInput,
} from '../../shared/forecast';
import { csvLines, CsvError, formatCsvRow, parseCsvLine } from './csv';

const USAGE = 'usage: forecast --input <sales.csv> --horizon <days> (--out <forecast.csv> [--level 80|95] | --backtest)';
const MAX_HORIZON = 366;

class UsageError extends Error {}
class InputError extends Error {}
class HelpRequested extends Error {}

interface Arguments {
  readonly input: string;
  readonly horizon: number;
  readonly out: string | undefined;
  readonly level: number;
  readonly backtest: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  let backtest = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--backtest') {
      backtest = true;
      continue;
    }
    if (flag === '--help' || flag === '-h') throw new HelpRequested();
    if (!['--input', '--horizon', '--out', '--level'].includes(flag)) throw new UsageError(`unknown argument "${flag}"; ${USAGE}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value; ${USAGE}`);
    values.set(flag, value);
    i++;
  }
  const input = values.get('--input');
  if (input === undefined) throw new UsageError(`--input is required; ${USAGE}`);
  const horizonText = values.get('--horizon') ?? '14';
  const horizon = Number(horizonText);
  if (!/^\d+$/.test(horizonText) || horizon < 1 || horizon > MAX_HORIZON)
    throw new UsageError(`--horizon must be a whole number of days from 1 to ${MAX_HORIZON}, got "${horizonText}"`);
  const levelText = values.get('--level') ?? '80';
  const level = levelOf(levelText);
  if (level === undefined)
    throw new UsageError(`--level must be a coverage in percent (e.g. 80 or 95) or as a fraction (0.8, 0.95), got "${levelText}"`);
  const out = values.get('--out');
  if (!backtest && out === undefined) throw new UsageError(`--out is required (or use --backtest); ${USAGE}`);
  if (backtest && out !== undefined) throw new UsageError('--out is not used with --backtest (the report goes to standard output)');
  return { input, horizon, out, level, backtest };
}

/** 80 → 0.8 and 0.8 → 0.8; undefined for anything that is not a coverage strictly between 0 and 100 %. */
function levelOf(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  const fraction = value >= 1 ? value / 100 : value;
  return fraction > 0 && fraction < 1 ? fraction : undefined;
}

/** Reads the sales CSV into one history per series, every series running to the file's last date. */
function readSales(path: string): SeriesInput[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const lines = csvLines(text).filter((line) => line.text.trim() !== '');
  const header = lines[0];
  if (!header) throw new InputError(`${path}: empty file; expected a header row "series,date,qty"`);
  const columns = parseCsvLine(header.text).map((name) => name.trim().toLowerCase());
  const seriesColumn = columns.indexOf('series');
  const dateColumn = columns.indexOf('date');
  const qtyColumn = columns.indexOf('qty');
  if (seriesColumn < 0 || dateColumn < 0 || qtyColumn < 0)
    throw new InputError(`${path} line ${header.lineNumber}: header must name the columns series, date and qty; got "${header.text}"`);

  const bySeries = new Map<string, DailyPoint[]>();
  const seen = new Map<string, number>();
  let lastDate = '';
  for (const { lineNumber, text: lineText } of lines.slice(1)) {
    const where = `${path} line ${lineNumber}`;
    let fields: string[];
    try {
      fields = parseCsvLine(lineText);
    } catch (error) {
      if (error instanceof CsvError) throw new InputError(`${where}: ${error.message}`);
      throw error;
    }
    if (fields.length !== columns.length) throw new InputError(`${where}: expected ${columns.length} fields, got ${fields.length}`);
    const series = fields[seriesColumn]!.trim();
    const date = fields[dateColumn]!.trim();
    const qtyText = fields[qtyColumn]!.trim();
    if (series === '') throw new InputError(`${where}: series is empty`);
    if (parseIsoDate(date) === undefined) throw new InputError(`${where}: date "${date}" is not a calendar date in YYYY-MM-DD form`);
    const qty = Number(qtyText);
    if (qtyText === '' || !Number.isFinite(qty)) throw new InputError(`${where}: qty "${qtyText}" is not a number`);
    if (qty < 0) throw new InputError(`${where}: qty ${qtyText} is negative; demand is sales/consumption as a positive quantity`);
    const key = `${series}\u0000${date}`;
    const firstLine = seen.get(key);
    if (firstLine !== undefined)
      throw new InputError(`${where}: second row for series "${series}" on ${date} (first on line ${firstLine})`);
    seen.set(key, lineNumber);
    let points = bySeries.get(series);
    if (!points) bySeries.set(series, (points = []));
    points.push({ date, qty });
    if (date > lastDate) lastDate = date;
  }
  if (bySeries.size === 0) throw new InputError(`${path}: no data rows after the header`);
  return [...bySeries].map(([id, history]) => ({ id, history, endDate: lastDate }));
}

const number = (value: number): string => String(Math.round(value * 1000) / 1000);
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

function forecastCsv(results: readonly SeriesForecast[]): string {
  const rows = [formatCsvRow(['series', 'date', 'forecast', 'lo', 'hi', 'model'])];
  for (const result of results) {
    for (const point of result.points)
      rows.push(formatCsvRow([result.id, point.date, number(point.forecast), number(point.lo), number(point.hi), result.model]));
  }
  return `${rows.join('\n')}\n`;
}

function backtestReport(results: readonly SeriesForecast[], horizon: number): string {
  const idWidth = Math.max(6, ...results.map((result) => result.id.length));
  const row = (id: string, model: string, wape: string, naive: string): string =>
    `${id.padEnd(idWidth)}  ${model.padEnd(28)}  ${wape.padStart(10)}  ${naive.padStart(20)}`;
  const lines = [`backtest: rolling origin, horizons 1–${horizon} days`, row('series', 'model (chosen)', 'WAPE', 'seasonal-naive WAPE')];
  for (const result of results) {
    const backtest = result.backtest;
    lines.push(
      backtest
        ? row(result.id, result.model, percent(backtest.chosen.wape), percent(backtest.seasonalNaive.wape)) + notesOf(result)
        : row(result.id, result.model, 'n/a', 'n/a (history too short)') + notesOf(result),
    );
  }
  const totals = backtestTotals(results);
  lines.push(row('TOTAL', `${totals.seriesBacktested} series backtested`, percent(totals.chosen.wape), percent(totals.seasonalNaive.wape)));
  return `${lines.join('\n')}\n`;
}

/** What a planner should know beside the figures: a hand-made rule won, or the level moved. */
function notesOf(result: SeriesForecast): string {
  const notes: string[] = [];
  if (result.explanation.baseline && result.backtest)
    notes.push(result.model === 'weekday-mean' ? `baseline won: mean of last ${result.explanation.weeks} same weekdays` : 'baseline won');
  if (result.levelShift) notes.push(`level shift from ${result.levelShift.date} (×${result.levelShift.ratio.toFixed(2)})`);
  return notes.length > 0 ? `  ${notes.join('; ')}` : '';
}

/** One stderr line per kind of doubt, naming the years, so a planner knows which dates to check by hand. */
function calendarWarnings(caveat: CalendarCaveat | null): string[] {
  if (!caveat) return [];
  const lines: string[] = [];
  if (caveat.provisionalYears.length > 0)
    lines.push(
      `forecast: warning: holidays of ${caveat.provisionalYears.join(', ')} are provisional (the State Council notice is not out yet); ` +
        'forecasts around 春节, 国庆 and 调休 days there may move',
    );
  if (caveat.missingYears.length > 0)
    lines.push(
      `forecast: warning: no holiday data for ${caveat.missingYears.join(', ')}; ` +
        'holidays and 调休 days there are forecast as ordinary days',
    );
  return lines;
}

function main(argv: readonly string[]): void {
  const args = parseArguments(argv);
  const inputs = readSales(args.input);
  const batch = forecastMany(inputs, { horizon: args.horizon, coverage: args.level, backtestHorizon: Math.min(args.horizon, 14) });
  for (const line of calendarWarnings(batch.calendarCaveat)) process.stderr.write(`${line}\n`);
  if (args.backtest) {
    process.stdout.write(backtestReport(batch.series, Math.min(args.horizon, 14)));
    return;
  }
  try {
    writeFileSync(args.out!, forecastCsv(batch.series));
  } catch (error) {
    throw new InputError(`cannot write ${args.out}: ${(error as Error).message}`);
  }
  process.stderr.write(`forecast: ${batch.series.length} series × ${args.horizon} days written to ${args.out}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof HelpRequested) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (error instanceof UsageError) {
    process.stderr.write(`forecast: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof InputError) {
    process.stderr.write(`forecast: ${error.message}\n`);
    process.exit(1);
  }
  throw error;
}
