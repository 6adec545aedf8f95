/**
 * The database tables, typed for Kysely. One schema for both engines (SQLite and PostgreSQL):
 * only portable column types (text, integer, double precision), booleans as 0/1 integers.
 * Every dimension table keeps `seq`, the row's position in the imported workbook, so the API
 * lists regions, indicators and cells in the order the office wrote them.
 */
import type { Generated } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

export interface EditionTable {
  id: Generated<number>;
  as_of: string;
  file_name: string;
  checksum: string;
  imported_at: string;
  title_zh: string;
  title_en: string;
  source_zh: string;
  source_en: string;
  first_year: number;
  last_year: number;
  regions: number;
  indicators: number;
  observations: number;
  rankings: number;
  cells_added: number;
  cells_changed: number;
  cells_removed: number;
  /** (005) The data keeper who imported it; null from the command line or before accounts. */
  imported_by: string | null;
  /** (005) For a roll back: the edition whose data was stored again. */
  rolled_back_from: number | null;
}

/** (005) The data each edition stored, to compare and roll back; see snapshots.ts. */
export interface EditionSnapshotTable {
  edition_id: number;
  /** 'json-gzip': the wire dataset as canonical JSON (sorted keys), gzipped. */
  format: string;
  data: Uint8Array;
}

export interface RegionTable {
  id: string;
  seq: number;
  level: string;
  parent: string | null;
  /** Ids from the root down, each length-prefixed ("6:haikou|7:longhua|"): subtree = prefix. */
  path: string;
  /** Levels of parenthood above the region (a root is 0), from `path`; for the `depth` filter. */
  depth: number;
  name_zh: string;
  name_en: string;
  /** (1.1) First and last year the region exists; null = unbounded. */
  valid_from: number | null;
  valid_to: number | null;
}

export interface CampaignTable {
  id: string;
  seq: number;
  name_zh: string;
  name_en: string;
  start_year: number;
  end_year: number;
  baseline_year: number;
}

export interface ProgrammeTable {
  id: string;
  seq: number;
  name_zh: string;
  name_en: string;
}

export interface IndicatorTable {
  id: string;
  seq: number;
  name_zh: string;
  name_en: string;
  unit: string;
  unit_label_zh: string | null;
  unit_label_en: string | null;
  decimals: number;
  better: string;
  programme: string | null;
  headline: number;
  description_zh: string | null;
  description_en: string | null;
  /** (1.1) flow, stock, rate or cumulative; null = unknown. */
  aggregation: string | null;
}

export interface AssessmentTable {
  id: string;
  seq: number;
  name_zh: string;
  name_en: string;
  /** Null (1.1) when the ranking body is outside the data; scope_name_* then names it. */
  scope: string | null;
  scope_name_zh: string | null;
  scope_name_en: string | null;
  /** (1.1) higher or lower; null = not stated (higher). */
  better: string | null;
  score_decimals: number | null;
}

export interface ObservationTable {
  indicator: string;
  region: string;
  year: number;
  seq: number;
  value: number | null;
  target: number | null;
  provisional: number;
  note_zh: string | null;
  note_en: string | null;
  /** (1.1) Why value is null: missing, withheld or not-applicable; null = not stated. */
  status: string | null;
}

export interface RankingTable {
  assessment: string;
  year: number;
  region: string;
  seq: number;
  rank: number;
  of: number;
  score: number | null;
}

/** One row (id 1), locked by the import that is running; see import-lock.ts. */
export interface ImportLockTable {
  id: number;
}

/** A data keeper's account (issue 14); made with `npm run user -- add NAME`. */
export interface UserTable {
  name: string;
  /** scrypt$N$r$p$saltB64$hashB64 (server/admin/auth/passwords.ts). */
  password_hash: string;
  created_at: string;
  last_sign_in_at: string | null;
}

/** A signed-in browser: the cookie holds the token, this row only its SHA-256 (hex). */
export interface SessionTable {
  token_hash: string;
  user_name: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** The earlier of last_seen_at + idle timeout and created_at + absolute limit. */
  expires_at: string;
}

/** What happened in the data-keeper area; rows are never deleted by the app. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_name: string | null;
  action: string;
  ip: string | null;
  /** A JSON object; never a password or a token. */
  detail: string;
}

/** One failed sign-in, for the lockout (per name and per IP); older than the window: deleted. */
export interface SignInFailureTable {
  id: Generated<number>;
  at: string;
  /**
   * SHA-256 of the name typed (server/admin/auth/lockout.ts nameKey): the lock needs only to
   * match names, and a password typed into the name field by mistake is never stored.
   */
  name_key: string;
  ip: string | null;
}

export interface Database {
  import_lock: ImportLockTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  sign_in_failures: SignInFailureTable;
  editions: EditionTable;
  edition_snapshots: EditionSnapshotTable;
  regions: RegionTable;
  campaigns: CampaignTable;
  programmes: ProgrammeTable;
  indicators: IndicatorTable;
  assessments: AssessmentTable;
  observations: ObservationTable;
  rankings: RankingTable;
}
