// Kitchen → store dispatch (DOMAIN.md): draft → picked → shipped, owned by the kitchen. Drafts are
// edited line by line; marking picked fixes the batches by FEFO/FIFO; shipping posts the
// dispatch-out movements. A store's transfer to another store (调拨, issue 17) is its own type,
// created by transfer.create, and runs through the same save, pick and ship commands.
import {
  AlreadyRecordedError,
  allocateLines,
  checkLineChoice,
  companiesFrom,
  documentCustomValues,
  interCompanyPartner,
  InvalidStateError,
  UnknownReferenceError,
  ValidationError,
} from '../domain';
import { draftDispatchesFromRequests, isRequestAnswered } from '../ops/store-requests';
import { isShipmentType, type DispatchDoc, type DocumentLine, type ShipmentDoc, type StoreRequestDoc } from '../schemas';
import { defineCommand, documentIn, type CommandContext } from './types';

/** The dispatch or transfer `id`, in one of the `allowed` states. */
function storedDispatch(context: CommandContext, id: string, allowed: readonly ShipmentDoc['status'][]): ShipmentDoc {
  const found = context.documents.find((doc) => doc.id === id);
  const shipment = found && isShipmentType(found.type) ? (found as ShipmentDoc) : undefined;
  if (!shipment) throw new UnknownReferenceError('documents', id);
  if (!allowed.includes(shipment.status)) throw new InvalidStateError(shipment.type, shipment.number, shipment.status, allowed);
  return shipment;
}

function checkQuantities(lines: readonly DocumentLine[]): void {
  lines.forEach((line, index) => {
    if (!Number.isFinite(line.qty) || line.qty < 0) throw new ValidationError(`lines[${index}].qty`, 'must be zero or more');
  });
}

const byId = (input: { dispatchId: string }) => ({ documentIds: [input.dispatchId] });
/** The dispatch and the organisation's config (HQ's custom fields for dispatches, its companies). */
const byIdWithFields = (input: { dispatchId: string }) => ({ documentIds: [input.dispatchId], config: true });

/** A new, empty draft shipment of `type` from this site to `toSiteId`. */
function emptyShipment(stamp: CommandContext['stamp'], type: ShipmentDoc['type'], toSiteId: string, prefix: 'PS' | 'DB'): ShipmentDoc {
  return {
    id: stamp.newId(),
    type,
    siteId: stamp.siteId,
    toSiteId,
    number: stamp.nextNumber(prefix),
    status: 'draft',
    businessDate: stamp.businessDate,
    at: stamp.at,
    terminalId: stamp.terminalId,
    lines: [],
    updatedAt: stamp.at,
  };
}

/** A new, empty draft for one store. */
export const dispatchCreate = defineCommand({
  run(input: { toSiteId: string }, { stamp }) {
    const draft = emptyShipment(stamp, 'dispatch', input.toSiteId, 'PS');
    return { writes: { documents: [draft] }, result: { id: draft.id, number: draft.number } };
  },
});

/** 调拨: a new, empty transfer from this store to another store (issue 17). */
export const transferCreate = defineCommand({
  run(input: { toSiteId: string }, { stamp }) {
    if (stamp.siteKind !== 'store') throw new ValidationError('siteId', 'a transfer goes from a store to another store');
    if (!input.toSiteId || input.toSiteId === stamp.siteId) throw new ValidationError('toSiteId', 'choose another store');
    const draft = emptyShipment(stamp, 'transfer', input.toSiteId, 'DB');
    return { writes: { documents: [draft] }, result: { id: draft.id, number: draft.number } };
  },
});

/** One draft per store from the chosen open requests, each naming the requests it answers. */
export const dispatchFromRequests = defineCommand({
  reads: (input: { requestIds: readonly string[] }) => ({ documentIds: input.requestIds, documentTypes: ['dispatch'] as const }),
  run(input, context) {
    const { stamp } = context;
    const dispatches = context.documents.filter((doc): doc is DispatchDoc => doc.type === 'dispatch');
    const requests = input.requestIds.map((id): StoreRequestDoc => {
      const request = documentIn(context, id, 'store-request');
      if (!request || request.toSiteId !== stamp.siteId) throw new UnknownReferenceError('documents', id);
      if (request.status !== 'submitted') throw new InvalidStateError('store-request', request.number, request.status, ['submitted']);
      // Two terminals of the kitchen answering the same request would ship it twice: name the dispatch that answers it.
      const answering = dispatches.find((dispatch) => isRequestAnswered(request, [dispatch]));
      if (answering) throw new AlreadyRecordedError('dispatch', answering.id, answering.number);
      return request;
    });
    const drafts = draftDispatchesFromRequests(requests, {
      kitchenId: stamp.siteId,
      terminalId: stamp.terminalId,
      businessDate: stamp.businessDate,
      at: stamp.at,
      identify: () => ({ id: stamp.newId(), number: stamp.nextNumber('PS') }),
    });
    return { writes: { documents: drafts }, result: { ids: drafts.map((draft) => draft.id) } };
  },
});

/**
 * Saves a draft's lines as edited (quantities may still be zero while typing), and the values of
 * HQ's custom fields when given (a required one may still be blank until picking).
 */
export const dispatchSave = defineCommand({
  reads: byIdWithFields,
  run(input: { dispatchId: string; lines: readonly DocumentLine[]; custom?: Record<string, unknown> }, context) {
    const dispatch = storedDispatch(context, input.dispatchId, ['draft']);
    checkQuantities(input.lines);
    const { custom: _kept, ...rest } = dispatch;
    const custom = input.custom === undefined ? dispatch.custom : input.custom;
    const saved: ShipmentDoc = {
      ...rest,
      ...documentCustomValues(context.config, 'dispatch', custom, { requireAll: false }),
      lines: [...input.lines],
      updatedAt: context.stamp.at,
    };
    return { writes: { documents: [saved] }, result: null };
  },
});

/**
 * Marks a draft picked: HQ's required custom fields filled, every chosen batch checked as the
 * posting will check it (the first refusal thrown), then lines without a batch split across
 * batches by FEFO/FIFO.
 */
export const dispatchPick = defineCommand({
  reads: byIdWithFields,
  run(input: { dispatchId: string; lines: readonly DocumentLine[] }, context) {
    const dispatch = storedDispatch(context, input.dispatchId, ['draft']);
    checkQuantities(input.lines);
    // A required field of HQ's (the driver, the van) is filled before the goods are picked.
    documentCustomValues(context.config, 'dispatch', dispatch.custom, { requireAll: true });
    const usable = input.lines.filter((line) => line.qty > 0);
    if (usable.length === 0) throw new ValidationError('lines', 'nothing to pick');
    for (const line of usable) {
      const check = checkLineChoice(context.ledger, dispatch.siteId, dispatch.businessDate, line);
      if (!check.ok) throw check.error;
    }
    const lines = allocateLines(context.ledger, { siteId: dispatch.siteId, businessDate: dispatch.businessDate }, usable);
    const picked: ShipmentDoc = { ...dispatch, lines, status: 'picked', updatedAt: context.stamp.at };
    return { writes: { documents: [picked] }, result: { lines } };
  },
});

/** Back to draft from picked (the batches stay as picked; the kitchen may change them). */
export const dispatchUnpick = defineCommand({
  reads: byId,
  run(input: { dispatchId: string }, context) {
    const dispatch = storedDispatch(context, input.dispatchId, ['picked']);
    return { writes: { documents: [{ ...dispatch, status: 'draft', updatedAt: context.stamp.at }] }, result: null };
  },
});

/**
 * Ships a picked dispatch: posted as dispatch-out movements at the moment of shipping. To a site of
 * another company it names the partner standing for that company, and posts as a sale to it.
 */
export const dispatchShip = defineCommand({
  reads: byIdWithFields,
  run(input: { dispatchId: string }, context) {
    const dispatch = storedDispatch(context, input.dispatchId, ['picked']);
    const { at } = context.stamp;
    const buyer = interCompanyPartner(companiesFrom(context.config), dispatch.siteId, dispatch.toSiteId);
    const shipped = { ...dispatch, ...(buyer ? { partnerId: buyer } : {}), at, updatedAt: at };
    return { post: { document: shipped }, result: { number: dispatch.number } };
  },
});
