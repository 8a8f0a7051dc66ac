/**
 * Named domain errors with machine-readable codes (STYLE.md). Postings return them as values;
 * the UI shows `message` and reads the fields to point at the batch or line concerned.
 */
export type DomainErrorCode =
  | 'validation'
  | 'negative-stock'
  | 'fifo-violation'
  | 'expired-batch'
  | 'quarantined-batch'
  | 'unknown-reference'
  | 'not-postable'
  | 'not-writable-here'
  | 'invalid-state'
  | 'already-recorded'
  | 'out-of-range'
  | 'expired-on-receipt'
  | 'no-sale-price'
  | 'duplicate-code'
  | 'permission-missing'
  | 'approver-role';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

export class ValidationError extends DomainError {
  readonly code = 'validation';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ValidationError';
  }
}

/** 负库存锁单: the posting would take a batch below zero under the `block` policy. */
export class NegativeStockError extends DomainError {
  readonly code = 'negative-stock';
  constructor(
    readonly siteId: string,
    readonly productId: string,
    readonly batchId: string | null,
    readonly shortfall: number,
  ) {
    super(
      batchId === null
        ? `Not enough stock of product ${productId} at site ${siteId}: short by ${shortfall}`
        : `Not enough stock in batch ${batchId} (product ${productId}) at site ${siteId}: short by ${shortfall}`,
    );
    this.name = 'NegativeStockError';
  }
}

/** A later batch was chosen while an earlier usable one still has stock, without a reason. */
export class FifoViolationError extends DomainError {
  readonly code = 'fifo-violation';
  constructor(
    readonly productId: string,
    readonly chosenBatchId: string,
    readonly earlierBatchId: string,
  ) {
    super(
      `Batch ${chosenBatchId} chosen while earlier batch ${earlierBatchId} of product ${productId} still has stock; give an override reason`,
    );
    this.name = 'FifoViolationError';
  }
}

export class ExpiredBatchError extends DomainError {
  readonly code = 'expired-batch';
  constructor(
    readonly batchId: string,
    readonly expiryDate: string,
    readonly businessDate: string,
  ) {
    super(`Batch ${batchId} expired (${expiryDate}) before ${businessDate}; it can only be wasted, returned or counted`);
    this.name = 'ExpiredBatchError';
  }
}

export class QuarantinedBatchError extends DomainError {
  readonly code = 'quarantined-batch';
  constructor(
    readonly batchId: string,
    readonly qcStatus: string,
  ) {
    super(`Batch ${batchId} is held by QC (${qcStatus}) and cannot leave stock until released`);
    this.name = 'QuarantinedBatchError';
  }
}

export class UnknownReferenceError extends DomainError {
  readonly code = 'unknown-reference';
  constructor(
    readonly collection: 'products' | 'batches' | 'documents',
    readonly id: string,
  ) {
    super(`Unknown ${collection} id ${id}`);
    this.name = 'UnknownReferenceError';
  }
}

/** The document is of a kind or in a status that posts nothing. */
export class NotPostableError extends DomainError {
  readonly code = 'not-postable';
  constructor(
    readonly docType: string,
    readonly reason: string,
  ) {
    super(`A ${docType} document cannot be posted: ${reason}`);
    this.name = 'NotPostableError';
  }
}

/**
 * This terminal's site may not write the document (SYNC-PROTOCOL.md, Identity and scope): the
 * endpoint would refuse it, so it is refused before anything is stored.
 */
export class NotWritableHereError extends DomainError {
  readonly code = 'not-writable-here';
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly siteId: string | null,
    /** Who may: an hq terminal (reference data) or the site named in the document's siteId. */
    readonly writableBy: 'hq' | 'own-site',
    reason: string,
  ) {
    super(`${collection}/${id} cannot be written by this terminal: ${reason}`);
    this.name = 'NotWritableHereError';
  }
}

/**
 * A command asked of a document in a status that does not allow it (editing a shipped dispatch,
 * deciding an order that is not waiting): the document, its status and what was needed.
 */
export class InvalidStateError extends DomainError {
  readonly code = 'invalid-state';
  constructor(
    readonly docType: string,
    readonly number: string,
    readonly status: string,
    readonly expected: readonly string[],
  ) {
    super(`${docType} ${number} is ${status}; this needs it ${expected.join(' or ')}`);
    this.name = 'InvalidStateError';
  }
}

/** The fact is already recorded (a dispatch received once already): its document number says where. */
export class AlreadyRecordedError extends DomainError {
  readonly code = 'already-recorded';
  constructor(
    readonly docType: string,
    readonly id: string,
    readonly number: string,
  ) {
    super(`already recorded as ${docType} ${number}`);
    this.name = 'AlreadyRecordedError';
  }
}

/**
 * A quantity or amount above its documented upper limit (shared/domain/limits.ts): the field
 * (`lines[2].qty`, `total`), its line (null for the header), the value and the limit.
 */
export class OutOfRangeError extends DomainError {
  readonly code = 'out-of-range';
  constructor(
    readonly field: string,
    readonly lineNo: number | null,
    readonly value: number,
    readonly limit: number,
  ) {
    super(`${field}: ${value} is above the limit of ${limit}`);
    this.name = 'OutOfRangeError';
  }
}

/**
 * A goods receipt line whose batch is already past its expiry on the site's business date: it
 * is taken in only quarantined or with a reason (the line, lot and both dates named).
 */
export class ExpiredOnReceiptError extends DomainError {
  readonly code = 'expired-on-receipt';
  constructor(
    readonly lineNo: number,
    readonly productId: string,
    readonly lotCode: string,
    readonly expiryDate: string,
    readonly businessDate: string,
  ) {
    super(
      `lines[${lineNo}]: lot ${lotCode} expired on ${expiryDate}, before the business date ${businessDate}; quarantine it or give a reason`,
    );
    this.name = 'ExpiredOnReceiptError';
  }
}

/**
 * 无售价: a sale line whose product has no price in the store's price list on the business date
 * (and none was typed). Posting it at ¥0 would make revenue and margin silently wrong.
 */
export class NoSalePriceError extends DomainError {
  readonly code = 'no-sale-price';
  constructor(
    readonly productId: string,
    readonly siteId: string,
    readonly businessDate: string,
  ) {
    super(`product ${productId} has no sale price at site ${siteId} on ${businessDate}; HQ sets it in the product's price list`);
    this.name = 'NoSalePriceError';
  }
}

/** A code (SKU, barcode, partner code, category id) another record already uses: scans would be ambiguous. */
export class DuplicateCodeError extends DomainError {
  readonly code = 'duplicate-code';
  constructor(
    readonly field: string,
    readonly value: string,
    /** The name of the record that has it. */
    readonly usedBy: string,
  ) {
    super(`${field}: ${value} is already used by ${usedBy}`);
    this.name = 'DuplicateCodeError';
  }
}

/**
 * The person signed in lacks the permission this write needs (issue 15), or nobody is signed in
 * at a terminal whose site has staff accounts. Names the permission and the person.
 */
export class PermissionMissingError extends DomainError {
  readonly code = 'permission-missing';
  constructor(
    /** A permission of shared/domain/people/permissions.ts. */
    readonly permission: string,
    /** The person signed in; null when nobody is. */
    readonly operatorName: string | null,
    /** Their English name, where they have one (the English UI shows it). */
    readonly operatorNameEn?: string,
  ) {
    super(
      operatorName === null
        ? `sign in first: this needs the permission "${permission}"`
        : `${operatorName} lacks the permission "${permission}"`,
    );
    this.name = 'PermissionMissingError';
  }
}

/**
 * The person deciding a held document does not hold the role its waiting level asks for (issue 15,
 * approval rules). Names the role and the person.
 */
export class ApproverRoleError extends DomainError {
  readonly code = 'approver-role';
  constructor(
    /** A role code, built-in or custom. */
    readonly role: string,
    readonly documentNumber: string,
    /** The person signed in; null when nobody is. */
    readonly operatorName: string | null,
    readonly operatorNameEn?: string,
  ) {
    super(`${documentNumber} waits for the role "${role}"; ${operatorName ?? 'nobody signed in'} cannot decide it`);
    this.name = 'ApproverRoleError';
  }
}
