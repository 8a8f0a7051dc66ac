// Reference data and settings: recipes on products (HQ writes products) and config documents
// (policies, approval rules, budgets, contract prices, lead times), patched field by field.
import { UnknownReferenceError, ValidationError } from '../domain';
import type { ConfigDoc, ConfigKey, RecipeLine } from '../schemas';
import { defineCommand } from './types';

/** 配方: ingredient lines and yield, saved onto the product. */
export const recipeSave = defineCommand({
  run(input: { productId: string; outputQty: number; lines: readonly RecipeLine[] }, { stamp, ledger }) {
    const product = ledger.product(input.productId);
    if (!product) throw new UnknownReferenceError('products', input.productId);
    if (!Number.isFinite(input.outputQty) || input.outputQty <= 0)
      throw new ValidationError('outputQty', 'the yield must be a positive number');
    if (input.lines.length === 0) throw new ValidationError('lines', 'a recipe needs at least one ingredient');
    input.lines.forEach((line, index) => {
      if (!Number.isFinite(line.qty) || line.qty <= 0) throw new ValidationError(`lines[${index}].qty`, 'must be a positive number');
      if (line.productId === product.id) throw new ValidationError(`lines[${index}].productId`, 'a recipe cannot use its own output');
    });
    const saved = {
      ...product,
      recipe: { outputQty: input.outputQty, lines: input.lines.map((line) => ({ ...line })) },
      updatedAt: stamp.at,
    };
    return { writes: { products: [saved] }, result: null };
  },
});

/** The id a config document of `key` gets when it is first written (existing documents keep theirs). */
export function configDocumentId(key: ConfigKey, siteId: string | undefined): string {
  switch (key) {
    case 'approval-rules':
      return siteId ? `approval-rules:${siteId}` : 'approval-rules:org';
    case 'site-policy':
      return `site-policy-${siteId ?? 'org'}`;
    default:
      return `${key}:${siteId ?? 'org'}`;
  }
}

/**
 * Patches the `key` settings of a site (or, without `siteId`, of the organisation): the fields
 * given replace theirs, the others stay. Created when none exists yet.
 */
export const configSave = defineCommand({
  reads: (_input: { key: ConfigKey; siteId?: string; patch: Readonly<Record<string, unknown>> }) => ({ config: true }),
  run(input, { stamp, config }) {
    const existing = config.find((doc) => doc.key === input.key && doc.siteId === input.siteId);
    const saved: ConfigDoc = {
      id: existing?.id ?? configDocumentId(input.key, input.siteId),
      key: input.key,
      ...(input.siteId ? { siteId: input.siteId } : {}),
      value: { ...(existing?.value ?? {}), ...input.patch },
      updatedAt: stamp.at,
    };
    return { writes: { config: [saved] }, result: null };
  },
});
