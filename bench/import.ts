// How long a 10,000-row product import takes before IndexedDB (issue 14: ≤ 10 s with a progress
// bar): reading the CSV, the dry run and the import command's checks, each the median of 5 runs,
// beside the same-run baseline of parsing the file alone. Then the same file a second time, over
// the products the first import saved (every row unchanged). `npm run bench:import [-- --rows N]`.
import { commandNamed, type ProductDraft } from '../shared/commands';
import { Ledger, type CategoryNode } from '../shared/domain';
import { csvRows } from '../shared/ops/master-sheet';
import { planProductImport } from '../shared/ops/product-sheet';
import type { ProductDoc } from '../shared/schemas';

const ROWS = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 10_000;
const RUNS = 5;
const TODAY = '2026-12-07';
const categories: CategoryNode[] = [
  { id: 'dairy', name: '乳制品', nameEn: 'Dairy' },
  { id: 'drinks', name: '饮料', nameEn: 'Drinks' },
];

function ean13(n: number): string {
  const twelve = `69${String(n).padStart(10, '0')}`;
  const sum = [...twelve].reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

const header = '商品编码,商品名称,类别,基本单位,包装单位,条码,保质期(天),储存条件,出库规则,税率(%),进价(每基本单位),售价(每基本单位)';
const lines = Array.from(
  { length: ROWS },
  (_, i) =>
    `SKU-${i},商品 ${i},${i % 2 ? '乳制品' : 'Drinks'},瓶,箱=24; 包=6,${ean13(i)},${i % 30},冷藏,FEFO,9,${(i % 50) + 1.5},${(i % 50) + 3}`,
);
const csv = `\uFEFF${[header, ...lines].join('\r\n')}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

function importCommand(drafts: readonly ProductDraft[], products: readonly ProductDoc[]): ProductDoc[] {
  let id = 0;
  const outcome = commandNamed('product.import').run(
    { products: drafts },
    {
      stamp: {
        siteId: 'hq',
        siteKind: 'hq',
        terminalId: 'bench',
        operator: null,
        at: `${TODAY}T02:00:00.000Z`,
        businessDate: TODAY,
        newId: () => `p-${++id}`,
        nextNumber: () => 'n',
      },
      ledger: new Ledger() as never,
      documents: [],
      events: [],
      config: [],
      products,
      partners: [],
    },
  );
  return outcome.writes?.products ?? [];
}

const parse: number[] = [];
const plan: number[] = [];
const command: number[] = [];
const second: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const rows = timed(() => csvRows(csv));
  parse.push(rows.ms);
  const planned = timed(() => planProductImport(rows.value, { products: [], categories, today: TODAY }));
  plan.push(planned.ms);
  if (planned.value.counts.new !== ROWS) throw new Error(`expected ${ROWS} new rows, got ${JSON.stringify(planned.value.counts)}`);
  const saved = timed(() => importCommand(planned.value.toApply, []));
  command.push(saved.ms);
  const again = timed(() => planProductImport(csvRows(csv), { products: saved.value, categories, today: TODAY }));
  second.push(again.ms);
  if (again.value.counts.unchanged !== ROWS) throw new Error(`second import not unchanged: ${JSON.stringify(again.value.counts)}`);
}

const total = median(parse) + median(plan) + median(command);
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
console.log(`product import, ${ROWS} rows, median of ${RUNS} runs (Node ${process.version})`);
console.log(`  baseline: parse the CSV only      ${fmt(median(parse))}`);
console.log(`  dry run (read, check, codes)      ${fmt(median(plan))}  (${(median(plan) / median(parse)).toFixed(1)}× the parse)`);
console.log(`  import command (rules, writes)    ${fmt(median(command))}`);
console.log(
  `  first import, parse to writes     ${fmt(total)}  (goal ≤ 10000 ms before IndexedDB; ${(total / median(parse)).toFixed(1)}× the parse)`,
);
console.log(`  same file again, parse + dry run  ${fmt(median(second))}  (every row unchanged)`);
