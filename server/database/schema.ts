import type { ColumnType, Generated } from 'kysely';

/**
 * The tables of Rosette's PostgreSQL database, as Kysely sees them: the only description of the
 * schema outside the migrations (server/database/migrations/), which must agree with it. Only the
 * stores (`*-store.ts`) use these names.
 */
export interface Database {
  organisations: OrganisationsTable;
  organisation_imprints: OrganisationImprintsTable;
  accounts: AccountsTable;
  invites: InvitesTable;
  designs: DesignsTable;
  design_versions: DesignVersionsTable;
  print_jobs: PrintJobsTable;
  share_links: ShareLinksTable;
  audit_log: AuditLogTable;
  sign_off_requests: SignOffRequestsTable;
  sign_off_transitions: SignOffTransitionsTable;
  elections: ElectionsTable;
  election_candidates: ElectionCandidatesTable;
  spending_entries: SpendingEntriesTable;
  spending_entry_parts: SpendingEntryPartsTable;
  spending_invoices: SpendingInvoicesTable;
  variant_tables: VariantTablesTable;
  print_runs: PrintRunsTable;
  print_run_variants: PrintRunVariantsTable;
  printers: PrintersTable;
  printer_prices: PrinterPricesTable;
  print_orders: PrintOrdersTable;
  print_order_transitions: PrintOrderTransitionsTable;
  print_order_versions: PrintOrderVersionsTable;
  published_templates: PublishedTemplatesTable;
  published_template_versions: PublishedTemplateVersionsTable;
  brand_kits: BrandKitsTable;
}

/** A timestamp with time zone: read as a Date (UTC), written as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;

export interface OrganisationsTable {
  id: string;
  name: string;
  /** The name folded (lower case, single spaces): unique, so two requests cannot make two of one party. */
  name_key: string;
  created_at: Timestamp;
  /** Whether a print must be of a version the agent approved before it is shared (migration 0016). */
  sign_off_required: ColumnType<boolean, boolean | undefined, boolean>;
  /** The organisation above it in the tree (migration 0050; no cycles, at most 4 levels); null at the top. */
  parent_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An organisation's own legal imprint (at most one per organisation). */
export interface OrganisationImprintsTable {
  org_id: string;
  /** The imprint (imprintSchema of common/design), checked again on every read. */
  imprint: ColumnType<unknown, string, string>;
  /** The account that set it last. */
  updated_by: string;
  updated_at: Timestamp;
}

export interface AccountsTable {
  id: string;
  /** Normalised (emailSchema); unique. */
  email: string;
  role: string;
  org_id: string;
  status: string;
  /** scrypt hash; empty until the invite is accepted. */
  password_hash: string;
  /** Keyed digest of the pending invite token; empty when there is none. */
  invite_digest: string;
  created_at: Timestamp;
}

export interface InvitesTable {
  /** Keyed digest of the token (the token itself is never stored). */
  digest: string;
  /** Unique: one pending invite per account, so a new one replaces the old. */
  account_id: string;
  expires_at: Timestamp;
}

export interface DesignsTable {
  id: string;
  org_id: string;
  created_by: string;
  title: string;
  /** Paper size, orientation and page count of the current version (what the list shows). */
  format_size: string;
  orientation: string;
  page_count: number;
  /** Number of the newest version (design_versions.version). */
  current_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When the organisation deleted it; its versions are kept (print records point at them). */
  deleted_at: Timestamp | null;
  /** The published template (and its version) it was made from (migration 0052); null for the rest. */
  template_id: ColumnType<string | null, string | null | undefined, string | null>;
  template_version: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DesignVersionsTable {
  design_id: string;
  /** 1, 2, 3 ... per design. */
  version: number;
  /** The design document (design-schema.ts), checked again on every read. */
  design: ColumnType<unknown, string, string>;
  saved_by: string;
  saved_at: Timestamp;
}

export interface PrintJobsTable {
  /** BullMQ's job id. */
  id: string;
  org_id: string;
  /** The account that sent it; null for jobs copied from an installation that did not record it. */
  account_id: string | null;
  /** The saved design and version it printed, when it was sent from one. */
  design_id: string | null;
  design_version: number | null;
  title: string;
  /** waiting | active | done | failed | unknown (PRINT_RECORD_STATUSES). */
  status: string;
  pages: number | null;
  /** sha256 of the PDF, its name in the file store (pdfKey). */
  pdf_hash: string | null;
  /** Size of the PDF, bytes; null until done, and for records from before migration 0011. */
  bytes: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ShareLinksTable {
  id: string;
  token_digest: string;
  job_id: string;
  org_id: string;
  pdf_hash: string;
  title: string;
  pages: number;
  bytes: number;
  /** FrontPage as JSON text, taken when the link was made. */
  front: string;
  created_by: string | null;
  created_at: Timestamp;
  /** Null: works until withdrawn. */
  expires_at: Timestamp | null;
  /** When it was withdrawn (revoked); the record stays. */
  withdrawn_at: Timestamp | null;
  /** Last creation or withdrawal: what the servers' share-link caches follow. */
  changed_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  action: string;
  actor_id: string | null;
  target_id: string | null;
  /** A JSON object of the entry's particulars (AuditDetails), written as JSON text; null when there are none. */
  details: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

/** A frozen design version sent to the organisation's agent for sign-off (migration 0015). */
export interface SignOffRequestsTable {
  id: string;
  org_id: string;
  design_id: string;
  design_version: number;
  /** sha256 of the version's design document (contentHash), matched against a print job's design. */
  design_hash: string;
  /** pending | approved | returned | superseded (SIGN_OFF_STATUSES). */
  status: string;
  submitted_by: string;
  /** The proof print job queued for the agent; null if none could be queued. */
  proof_job_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** A run's sign-off (migration 0081): the content hash of the variant table approved with the version; null for a version alone. */
  table_hash: ColumnType<string | null, string | null | undefined, string | null>;
  /** The print run sent as the proof of a run's sign-off; null for a version alone. */
  run_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One move of a sign-off request from a status to another (from null: its creation). */
export interface SignOffTransitionsTable {
  id: Generated<string>;
  request_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  at: Timestamp;
  /** The agent's comment or the campaigner's note; empty when none was given. */
  comment: string;
}

/** A calendar day (`date`): written as 'YYYY-MM-DD'; stores read it back as text (`::text`), never as a Date in the server's zone. */
type Day = ColumnType<string, string, never>;
/** A `bigint` of pence: pg reads it as a string (stores convert it to a number; every amount is within 2^53). */
type Pence = ColumnType<string, number, never>;

/** An organisation's election (migration 0030). */
export interface ElectionsTable {
  id: string;
  org_id: string;
  name: string;
  polling_day: Day;
  kind: string;
  created_by: string;
  created_at: Timestamp;
}

/** A candidate in an election, with the spending limit the agent set (pence; null until set). */
export interface ElectionCandidatesTable {
  id: string;
  election_id: string;
  name: string;
  spending_limit_pence: ColumnType<string | null, number | null, number | null>;
  created_by: string;
  created_at: Timestamp;
}

/** One entry of the append-only spending ledger (migration 0031): never updated or deleted. */
export interface SpendingEntriesTable {
  id: string;
  org_id: string;
  election_id: string;
  /** 'charge' or 'reversal'. */
  kind: string;
  corrects_id: string | null;
  item: string;
  supplier_name: string;
  supplier_address: string;
  incurred_on: Day;
  paid_on: ColumnType<string | null, string | null, never>;
  amount_pence: Pence;
  vat_pence: Pence;
  print_order_id: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: ColumnType<Date, Date, never>;
}

/** A candidate's share of an entry, pence. */
export interface SpendingEntryPartsTable {
  entry_id: string;
  election_id: string;
  candidate_id: string;
  amount_pence: Pence;
}

/** The invoice attached to an entry (at most one), in the file store. */
export interface SpendingInvoicesTable {
  entry_id: string;
  file_key: string;
  attached_by: string;
  attached_at: ColumnType<Date, Date, never>;
}

export interface VariantTablesTable {
  /** The saved design whose variants these are (one table per design). */
  design_id: string;
  org_id: string;
  /** The fields (common/variants/variant-table.ts), checked again on every read. */
  fields: ColumnType<unknown, string, string>;
  /** One object of values per variant, by field key. */
  rows: ColumnType<unknown, string, string>;
  /** 'plain' or 'bilingual' (migration 0070; tables saved before it are plain). */
  kind: ColumnType<'plain' | 'bilingual', 'plain' | 'bilingual' | undefined, 'plain' | 'bilingual'>;
  updated_by: string;
  updated_at: Timestamp;
}

/** One of an organisation's printers (migration 0020); hidden, never deleted, once removed. */
export interface PrintersTable {
  id: string;
  org_id: string;
  name: string;
  address: string;
  email: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
}

/** One row of a printer's price table (migration 0021): pence including VAT, and the VAT within it. */
export interface PrinterPricesTable {
  printer_id: string;
  format: string;
  stock: string;
  quantity: number;
  price_pence: number;
  vat_pence: number;
}

/** A print order of a frozen design version (migration 0022). */
export interface PrintOrdersTable {
  id: string;
  org_id: string;
  design_id: string;
  design_version: number;
  design_hash: string;
  pdf_hash: string;
  printer_id: string;
  quantity: number;
  stock: string;
  delivery_address: string;
  /** A UK calendar day, written as YYYY-MM-DD; the store reads it with to_char (pg would make it a Date at local midnight). */
  needed_by: ColumnType<unknown, string, string>;
  price_pence: number;
  vat_pence: number;
  /** table | quote (PRICE_SOURCES). */
  price_source: string;
  /** PRINT_ORDER_STATUSES. */
  status: string;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The address the printer's email went to (the printer's at the time of placing). */
  printer_email_to: string | null;
  printer_email_subject: string | null;
  printer_email_text: string | null;
  printer_email_sent: boolean | null;
  invoice_key: string | null;
  invoice_bytes: number | null;
  /** The print run a run's order is for (migration 0082); null for an order of one design version. */
  run_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One move of a print order (migration 0023; from null: its creation). */
export interface PrintOrderTransitionsTable {
  id: Generated<string>;
  order_id: string;
  from_status: string | null;
  to_status: string;
  actor_id: string;
  at: Timestamp;
}

/** A template an organisation publishes to those below it (migration 0051), made from one of its saved designs. */
export interface PublishedTemplatesTable {
  id: string;
  org_id: string;
  /** The saved design it is published from (one template per design: publishing it again adds a version). */
  source_design_id: string;
  /** Number of the newest version. */
  current_version: number;
  created_at: Timestamp;
}

/** One frozen version of a published template: never changed or deleted. */
export interface PublishedTemplateVersionsTable {
  template_id: string;
  version: number;
  name: string;
  /** The design document (design-schema.ts), checked again on every read. */
  design: ColumnType<unknown, string, never>;
  /** The locked elements' ids, a JSON array of strings. */
  locked: ColumnType<unknown, string, never>;
  source_design_version: number;
  published_by: string;
  published_at: Timestamp;
}

/** An organisation's own brand kit (migration 0053): what it adds to those of the organisations above it. */
export interface BrandKitsTable {
  org_id: string;
  /** Named CMYK colours, a JSON array (brandKitSchema in common/brand/brand-kit.ts), checked again on every read. */
  colours: ColumnType<unknown, string, string>;
  /** Logos: names and uploaded asset ids. */
  logos: ColumnType<unknown, string, string>;
  /** Typeface names (FONT_FACES). */
  typefaces: ColumnType<unknown, string, string>;
  /** The imprint's minimum size, points; null for none. */
  imprint_min_font_size: number | null;
  updated_by: string;
  updated_at: Timestamp;
}

/** A print run (migration 0060): every row of a variant table rendered as one unit of work. */
export interface PrintRunsTable {
  id: string;
  org_id: string;
  design_id: string;
  design_version: number;
  variant_count: number;
  created_by: string;
  created_at: Timestamp;
  /** contentHash of the variant table the run printed (migration 0080); null for runs made before it. */
  table_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One variant (row) of a print run (migration 0060), by its place in the table. */
export interface PrintRunVariantsTable {
  run_id: string;
  position: number;
  label: string;
  job_id: string;
  pdf_hash: string;
}

/** A run's order: the quantity of one of the run's versions (migration 0082). */
export interface PrintOrderVersionsTable {
  order_id: string;
  /** The version's place in the run (print_run_variants.position). */
  position: number;
  quantity: number;
}
