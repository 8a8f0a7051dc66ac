// Site settings HQ keeps in the site document itself. The name and zone go through the endpoint
// (the server's own site row holds the name; SYNC-PROTOCOL.md "Sites and terminals from HQ");
// what only terminals read, such as the scale barcode layouts, is written here, offline too.
import { ValidationError } from '../domain';
import { scaleLayoutProblem } from '../ops/scan/scale-barcode';
import type { SiteDoc } from '../schemas';
import { defineCommand } from './types';

/** The sites schema's bound (shared/schemas/sites.ts). */
const MAX_LAYOUTS = 8;

/**
 * 电子秤条码格式: the layouts a store's label scales print, tried in order. An empty list goes
 * back to the built-in defaults (the field is removed).
 */
export const siteScaleLayouts = defineCommand({
  run(input: { site: SiteDoc; layouts: readonly string[] }, { stamp }) {
    if (stamp.siteKind !== 'hq') throw new ValidationError('site', 'sites are set up from HQ');
    const layouts = [...new Set(input.layouts.map((layout) => layout.trim()))];
    if (layouts.length > MAX_LAYOUTS) throw new ValidationError('scaleBarcodeLayouts', `at most ${MAX_LAYOUTS} layouts`);
    layouts.forEach((layout, index) => {
      const problem = scaleLayoutProblem(layout);
      if (problem) throw new ValidationError(`scaleBarcodeLayouts[${index}]`, problem);
    });
    const { scaleBarcodeLayouts: _previous, ...rest } = input.site;
    const saved: SiteDoc = { ...rest, ...(layouts.length ? { scaleBarcodeLayouts: layouts } : {}), updatedAt: stamp.at };
    return { writes: { sites: [saved] }, result: null };
  },
});
