/**
 * One-shot print documents served from app://print/<id> (pure, no electron import).
 *
 * Why not a data: URL: Chromium caps URLs at 2 MB, which a sheet of labels with embedded QR
 * images exceeds; and why not a temp file: a file:// document could pull other local files into
 * the printout. Served through the protocol, the document gets PRINT_CSP (no scripts, no network).
 */
import { randomUUID } from 'node:crypto';
import { APP_SCHEME, PRINT_HOST } from './app-path';

export class PrintJobStore {
  private readonly jobs = new Map<string, string>();

  add(html: string): { readonly id: string; readonly url: string } {
    const id = randomUUID();
    this.jobs.set(id, html);
    return { id, url: `${APP_SCHEME}://${PRINT_HOST}/${id}` };
  }

  /** Serves a document once: the id is unguessable and then gone, so no other frame can read it. */
  take(requestUrl: string): string | undefined {
    let id: string;
    try {
      id = new URL(requestUrl).pathname.replace(/^\//, '');
    } catch {
      return undefined;
    }
    const html = this.jobs.get(id);
    this.jobs.delete(id);
    return html;
  }

  /** Drops a job whose window never requested it (load failed, window closed). */
  discard(id: string): void {
    this.jobs.delete(id);
  }

  get size(): number {
    return this.jobs.size;
  }
}
