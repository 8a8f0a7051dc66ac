// 期初库存: a site's stock on its first day, posted by the site's own terminal (documents are
// written by their own site), one document per chunk of an imported sheet (shared/ops/opening-stock-sheet.ts).
import { NotWritableHereError, ValidationError } from '../domain';
import type { OpeningLine } from '../ops/opening-stock-sheet';
import type { OpeningStockDoc } from '../schemas';
import { defineCommand } from './types';

/** Lines per opening document: 500 stay well inside the wire's 256 KB per document. */
export const OPENING_LINES_PER_DOCUMENT = 500;

export const openingStockImport = defineCommand({
  run(input: { lines: readonly OpeningLine[] }, { stamp }) {
    if (stamp.siteKind === 'hq')
      throw new NotWritableHereError(
        'documents',
        'opening-stock',
        stamp.siteId,
        'own-site',
        'HQ holds no stock; each site imports its own',
      );
    if (input.lines.length === 0) throw new ValidationError('lines', 'nothing to import');
    if (input.lines.length > OPENING_LINES_PER_DOCUMENT)
      throw new ValidationError('lines', `at most ${OPENING_LINES_PER_DOCUMENT} lines per opening document`);
    const document: OpeningStockDoc = {
      id: stamp.newId(),
      type: 'opening-stock',
      siteId: stamp.siteId,
      number: stamp.nextNumber('QC'),
      status: 'draft',
      businessDate: stamp.businessDate,
      at: stamp.at,
      terminalId: stamp.terminalId,
      updatedAt: stamp.at,
      lines: input.lines.map((line) => ({ ...line })),
    };
    return { post: { document }, result: { id: document.id, number: document.number } };
  },
});
