// The additive-only rule of SYNC-PROTOCOL.md "Schema evolution", as a checker over two versions of
// one collection schema. Each problem says what to do instead: terminals keep syncing documents of
// older versions for weeks, so a released shape only ever grows.
interface Node {
  type?: string | readonly string[];
  properties?: Record<string, Node>;
  items?: Node;
  required?: readonly string[];
  enum?: readonly unknown[];
  'x-open'?: boolean;
  maxLength?: number;
  minLength?: number;
  maximum?: number;
  minimum?: number;
  exclusiveMaximum?: number;
  exclusiveMinimum?: number;
  maxItems?: number;
  minItems?: number;
  pattern?: string;
  additionalProperties?: boolean;
}

const RETIRE = 'retire the field instead: keep it in the schema, stop writing it, never reuse its name';

function compareNode(before: Node, after: Node, path: string, problems: string[]): void {
  const at = path || '(document)';
  if (JSON.stringify(before.type) !== JSON.stringify(after.type)) {
    problems.push(
      `${at}: type changed from ${JSON.stringify(before.type)} to ${JSON.stringify(after.type)}; ${RETIRE}, and add a new field with the new type`,
    );
    return;
  }
  if (before.enum) {
    if (!after.enum) problems.push(`${at}: enum removed; a field's set of values can only grow`);
    else {
      const removed = before.enum.filter((value) => !after.enum!.includes(value));
      const added = after.enum.filter((value) => !before.enum!.includes(value));
      if (removed.length)
        problems.push(`${at}: enum values removed (${removed.join(', ')}); keep them (stop writing them if they are no longer wanted)`);
      if (added.length && before['x-open'] !== true)
        problems.push(
          `${at}: values added (${added.join(', ')}) to a closed enum, which older terminals cannot read; declare the enum open ('x-open': true) in one version, with readers that handle unknown values, and add values in a later one`,
        );
      if (before['x-open'] === true && after['x-open'] !== true) problems.push(`${at}: an open enum was closed; open enums stay open`);
    }
  } else if (after.enum)
    problems.push(`${at}: an enum now limits a field that took any value; that tightens it for documents already written`);
  const tighter = (key: keyof Node, grew: (a: number, b: number) => boolean, verb: string) => {
    const a = before[key] as number | undefined;
    const b = after[key] as number | undefined;
    if (b === undefined) return;
    if (a === undefined || grew(a, b)) problems.push(`${at}: ${key} ${verb} (${a ?? 'none'} → ${b}); limits may only be relaxed`);
  };
  tighter('maxLength', (a, b) => b < a, 'lowered');
  tighter('maxItems', (a, b) => b < a, 'lowered');
  tighter('maximum', (a, b) => b < a, 'lowered');
  tighter('exclusiveMaximum', (a, b) => b < a, 'lowered');
  tighter('minLength', (a, b) => b > a, 'raised');
  tighter('minItems', (a, b) => b > a, 'raised');
  tighter('minimum', (a, b) => b > a, 'raised');
  tighter('exclusiveMinimum', (a, b) => b > a, 'raised');
  if (after.pattern !== undefined && after.pattern !== before.pattern)
    problems.push(`${at}: pattern changed or added; a pattern cannot be relaxed safely by a checker, so add a new field instead`);
  if (before.additionalProperties !== false && after.additionalProperties === false)
    problems.push(`${at}: additionalProperties turned off; documents already written may carry other fields`);
  if (before.properties || after.properties) {
    const beforeProps = before.properties ?? {};
    const afterProps = after.properties ?? {};
    for (const [key, child] of Object.entries(beforeProps)) {
      const next = afterProps[key];
      if (!next) problems.push(`${path ? `${path}.` : ''}${key}: removed or renamed; ${RETIRE}`);
      else compareNode(child, next, path ? `${path}.${key}` : key, problems);
    }
    const wasRequired = new Set(before.required ?? []);
    for (const key of after.required ?? []) {
      if (!wasRequired.has(key))
        problems.push(
          `${path ? `${path}.` : ''}${key}: made required; documents written by older versions may lack it — keep it optional and have readers default it`,
        );
    }
  }
  if (before.items && after.items) compareNode(before.items, after.items, `${path}[]`, problems);
  else if (before.items && !after.items) problems.push(`${at}: items schema removed`);
}

/** What makes `after` not an additive successor of `before` (empty when it is one). */
export function additiveProblems(collection: string, before: object, after: object): string[] {
  const a = before as Node & { version: number; primaryKey: string };
  const b = after as Node & { version: number; primaryKey: string };
  const problems: string[] = [];
  if (b.version !== a.version + 1) problems.push(`version ${b.version} follows ${a.version}; versions count up by one`);
  if (b.primaryKey !== a.primaryKey) problems.push(`primaryKey changed; it never changes`);
  compareNode(a, b, '', problems);
  return problems.map((problem) => `${collection} v${a.version} → v${b.version}: ${problem}`);
}
