/**
 * Previewed uploads waiting for their keeper's confirm: held in this process's memory (never
 * written anywhere), per user, for 30 minutes, at most 3 per user (a fourth preview drops
 * that user's oldest one that is not committing). Confirm takes exactly the dataset that was
 * previewed. A restart of the service forgets them: the keeper uploads again.
 */
import { randomBytes } from 'node:crypto';
import type { WireDataset } from '@contract/wire-types';
import type { EditionCells } from '../../db/write';

export const PENDING_TTL_MS = 30 * 60_000;
export const PENDING_PER_USER = 3;

export interface PendingUpload {
  id: string;
  user: string;
  fileName: string;
  sha256: string;
  size: number;
  asOf: string;
  baseEdition: number | null;
  cells: EditionCells;
  dataset: WireDataset;
  createdAt: number;
  expiresAt: number;
  /** A confirm of it is running: a second one is refused (409 committing). */
  committing: boolean;
}

export class PendingUploads {
  private readonly byId = new Map<string, PendingUpload>();

  constructor(private readonly now: () => Date) {}

  add(upload: Omit<PendingUpload, 'id' | 'createdAt' | 'expiresAt' | 'committing'>): PendingUpload {
    this.prune();
    const at = this.now().getTime();
    const mine = [...this.byId.values()]
      .filter((p) => p.user === upload.user && !p.committing)
      .sort((a, b) => a.createdAt - b.createdAt);
    while (mine.length >= PENDING_PER_USER) {
      const oldest = mine.shift();
      if (oldest) this.byId.delete(oldest.id);
    }
    const pending: PendingUpload = {
      ...upload,
      id: randomBytes(18).toString('base64url'),
      createdAt: at,
      expiresAt: at + PENDING_TTL_MS,
      committing: false,
    };
    this.byId.set(pending.id, pending);
    // A backstop for a service nobody calls again: the memory goes when the preview expires.
    setTimeout(() => this.byId.delete(pending.id), PENDING_TTL_MS + 1000).unref();
    return pending;
  }

  /** The user's live upload of that id (another user's is unknown to them). */
  get(id: string, user: string): PendingUpload | null {
    this.prune();
    const pending = this.byId.get(id);
    return pending && pending.user === user ? pending : null;
  }

  delete(id: string): void {
    this.byId.delete(id);
  }

  /** How many are held (for tests and logs). */
  get size(): number {
    this.prune();
    return this.byId.size;
  }

  private prune(): void {
    const at = this.now().getTime();
    for (const [id, p] of this.byId) if (p.expiresAt <= at && !p.committing) this.byId.delete(id);
  }
}
